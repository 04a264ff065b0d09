using Migrate.Cli.Console;

namespace Migrate.Cli.Tests.Support;

public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the real command tree in-process with a captured console.</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var console = new BufferedConsole();
        var exit = await MigrateCli.RunAsync(args, console, name => name == "MIGRATE_TEST_TARGET" ? null : Environment.GetEnvironmentVariable(name), TestContext.Current.CancellationToken);
        return new CliResult(exit, console.OutBuffer.ToString(), console.ErrorBuffer.ToString());
    }
}
