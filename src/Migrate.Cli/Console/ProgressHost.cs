using Migrate.Core.Pipeline;
using Spectre.Console;

namespace Migrate.Cli.Console;

/// <summary>Runs work with one progress line per stage on a terminal (done/total, rate, ETA), plain lines on a pipe, and nothing with --quiet.</summary>
public static class ProgressHost
{
    public static async Task<T> RunAsync<T>(ICliConsole console, bool quiet, Func<IStageProgress, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (quiet || !console.ErrorIsTerminal) return await work(new PlainStageProgress(console.Log, quiet));
        // Stderr is a terminal (checked above): say so, or Spectre falls back to printing "name: 33%" lines.
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Log), Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes });
        return await ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new CountColumn(), new RateColumn(), new EtaColumn(), new ElapsedTimeColumn())
            .StartAsync(context => work(new SpectreStageProgress(context, ansi)));
    }
}
