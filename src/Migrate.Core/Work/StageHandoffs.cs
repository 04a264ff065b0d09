namespace Migrate.Core.Work;

/// <summary>
/// The intermediate files of one <c>migrate run</c> handed to the next stage while they are
/// written, by path: staging files as records (<see cref="RecordHandoff"/>), mapped files as bytes
/// (<see cref="ByteHandoff"/>). Files not listed are only written.
/// </summary>
public sealed class StageHandoffs(CancellationToken stop) : IDisposable
{
    private readonly Dictionary<string, ByteHandoff> _bytes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecordHandoff> _records = new(StringComparer.Ordinal);

    public void Add(string path) => _bytes[Path.GetFullPath(path)] = new ByteHandoff(stop);

    public void AddRecords(string path) => _records[Path.GetFullPath(path)] = new RecordHandoff(stop);

    public ByteHandoff? For(string path) => _bytes.GetValueOrDefault(Path.GetFullPath(path));

    public RecordHandoff? RecordsFor(string path) => _records.GetValueOrDefault(Path.GetFullPath(path));

    public void Dispose()
    {
        foreach (var handoff in _bytes.Values) handoff.Dispose();
        foreach (var handoff in _records.Values) handoff.Dispose();
    }
}
