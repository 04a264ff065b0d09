namespace Migrate.Core.Pipeline;

/// <summary>
/// How a stage tells the caller about long work. The CLI draws progress bars from it on a terminal;
/// tests and pipes pass <see cref="None"/>. Messages carry counts and names of files and tables only.
/// </summary>
public interface IStageProgress
{
    /// <summary>Starts a task of records (total 0 when not known yet); report the amount done so far.</summary>
    IProgress<long> Start(string description, long total);

    /// <summary>Starts a task counted in <paramref name="unit"/> (an extract reads bytes of a file it cannot count in records ahead).</summary>
    IProgress<long> Start(string description, long total, ProgressUnit unit) => Start(description, total);

    void Info(string message);
}

public sealed class NoProgress : IStageProgress
{
    public static NoProgress None { get; } = new();

    public IProgress<long> Start(string description, long total) => new Progress<long>();

    public void Info(string message)
    {
        // Nothing to show.
    }
}

/// <summary>What a progress task counts, so it can be shown as records and rows/s or as MB and MB/s.</summary>
public enum ProgressUnit
{
    Records,
    Bytes,
}
