using System.CommandLine;
using Migrate.Cli.Console;

namespace Migrate.Cli;

/// <summary>What every command needs: the console, the environment and the global options.</summary>
public sealed class CliContext(ICliConsole console, Func<string, string?> environment)
{
    public ICliConsole Console { get; } = console;
    public Func<string, string?> Environment { get; } = environment;

    /// <summary>Cancelled by Ctrl+C, SIGTERM or SIGHUP (see <see cref="Interruption"/>).</summary>
    public CancellationToken Interrupted { get; init; }

    public Option<bool> Json { get; } = new("--json") { Description = "Print a machine-readable summary (JSON) on stdout", Recursive = true };
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress or log lines on stderr (errors still shown)", Recursive = true };
}
