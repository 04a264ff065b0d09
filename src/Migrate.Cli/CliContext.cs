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

    public Option<string?> Standards { get; } = new("--standards")
    {
        Description = $"Folder of standards (ID/standard.yaml or standard/ID/standard.yaml) that wins over a standard/ folder above the mapping and the bundled ones; default: ${Core.Standard.StandardSource.EnvironmentVariable}",
        Recursive = true,
    };

    /// <summary>Where this command's standard comes from: <c>--standard FILE</c>, then <c>--standards</c> or the environment variable.</summary>
    public Core.Standard.StandardSource StandardSource(ParseResult result, Option<string?>? standardFile = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var directory = result.GetValue(Standards) ?? Environment(Core.Standard.StandardSource.EnvironmentVariable);
        return new(standardFile is null ? null : result.GetValue(standardFile), string.IsNullOrEmpty(directory) ? null : directory);
    }
}
