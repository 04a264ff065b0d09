using Migrate.Core.Pipeline;
using Spectre.Console;

namespace Migrate.Cli.Console;

/// <summary>Progress bars on stderr (Spectre.Console) for a terminal; the messages carry counts and file names only.</summary>
public sealed class SpectreStageProgress(ProgressContext context, IAnsiConsole console) : IStageProgress
{
    public IProgress<long> Start(string description, long total) => Start(description, total, ProgressUnit.Records);

    public IProgress<long> Start(string description, long total, ProgressUnit unit)
    {
        // A total not known in advance (rows of a run that loads while it maps) spins and counts
        // instead of filling: a clamped value over a placeholder total of 1 showed 100% at once.
        var known = total > 0;
        var task = context.AddTask(Markup.Escape(description), maxValue: known ? total : double.MaxValue);
        task.Tag = unit;
        task.IsIndeterminate = !known;
        return new SyncProgress(value => task.Value = known ? Math.Min(value, total) : value);
    }

    public void Info(string message) => console.MarkupLine(Markup.Escape(message));

    /// <summary>Reports on the calling thread: Progress&lt;T&gt; would post to the thread pool and arrive late.</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}

/// <summary>On a pipe: no progress at all (logs still go to stderr unless --quiet).</summary>
public sealed class PlainStageProgress(TextWriter error, bool quiet) : IStageProgress
{
    public IProgress<long> Start(string description, long total) => new NullProgress();

    public void Info(string message)
    {
        if (!quiet) error.WriteLine(message);
    }

    private sealed class NullProgress : IProgress<long>
    {
        public void Report(long value)
        {
            // Progress is for terminals; a pipe gets the end-of-command summary only.
        }
    }
}
