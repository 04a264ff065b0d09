namespace Migrate.Core.Pipeline;

/// <summary>
/// How a stage tells the caller about long work. The CLI draws progress bars from it on a terminal;
/// tests and pipes pass <see cref="None"/>. Messages carry counts and names of files and tables only.
/// </summary>
public interface IStageProgress
{
    /// <summary>Starts a task of known size (bytes or rows); report the amount done so far.</summary>
    IProgress<long> Start(string description, long total);

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
