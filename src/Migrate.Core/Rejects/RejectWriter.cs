using System.Text.Json;
using Migrate.Core.Diagnostics;
using Migrate.Core.Work;

namespace Migrate.Core.Rejects;

/// <summary>
/// Appends rejected records to an owner-only JSON Lines file and counts them by reason code. The file
/// is checksummed as it is written, so the manifest can record it (<see cref="Complete"/>) for
/// <c>migrate verify</c> without a second read.
/// </summary>
internal sealed class RejectWriter : IDisposable
{
    private readonly HashingStream _hashing;
    private readonly StreamWriter _writer;

    public RejectWriter(string path)
    {
        Path = path;
        _hashing = new HashingStream(PrivateFiles.Create(path));
        _writer = new StreamWriter(_hashing, new System.Text.UTF8Encoding(false));
    }

    public string Path { get; }
    public long Count { get; private set; }
    public SortedDictionary<string, long> ByReason { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts by "code|item" so the report can say which standard item each reason hit.</summary>
    public SortedDictionary<string, long> ByReasonAndItem { get; } = new(StringComparer.Ordinal);

    public void Write(RejectRecord reject)
    {
        ArgumentNullException.ThrowIfNull(reject);
        _writer.WriteLine(JsonSerializer.Serialize(reject, Json.Lines));
        Count++;
        foreach (var reason in reject.Reasons)
        {
            ByReason[reason.Code] = ByReason.GetValueOrDefault(reason.Code) + 1;
            var key = reason.Code + "|" + (reason.Item ?? reason.Column ?? "");
            ByReasonAndItem[key] = ByReasonAndItem.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>Closes the file and returns it as the manifest records it (one line per reject); nothing can be written after.</summary>
    public StageFile Complete(WorkDirectory work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _writer.Dispose();
        return new StageFile(work.Relative(Path), Count, _hashing.Sha256);
    }

    public static RejectReason Reason(Problem problem) =>
        new(problem.Code, problem.Message, problem.Item, problem.Column);

    public void Dispose() => _writer.Dispose();
}
