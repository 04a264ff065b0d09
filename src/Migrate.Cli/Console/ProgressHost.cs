using Migrate.Core.Pipeline;
using Spectre.Console;

namespace Migrate.Cli.Console;

/// <summary>Runs work with progress bars on a terminal, plain lines on a pipe, and nothing with --quiet.</summary>
public static class ProgressHost
{
    public static async Task<T> RunAsync<T>(ICliConsole console, bool quiet, Func<IStageProgress, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (quiet || !console.ErrorIsTerminal) return await work(new PlainStageProgress(console.Log, quiet));
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Log) });
        return await ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(context => work(new SpectreStageProgress(context, ansi)));
    }
}
