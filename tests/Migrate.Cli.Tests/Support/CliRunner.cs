using Migrate.Cli.Console;

namespace Migrate.Cli.Tests.Support;

public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>
/// Runs the real command tree in-process with a captured console. The command sees only the
/// environment the test gives it (none by default), never the test process's own variables, and
/// the test process's variables are never set.
/// </summary>
public static class CliRunner
{
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(NoVariables, args);

    /// <param name="environment">The variables the command sees (e.g. a connection string behind env:NAME).</param>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var console = new BufferedConsole();
        var exit = await MigrateCli.RunAsync(args, console, name => environment.GetValueOrDefault(name), TestContext.Current.CancellationToken);
        return new CliResult(exit, console.OutBuffer.ToString(), console.ErrorBuffer.ToString());
    }
}
