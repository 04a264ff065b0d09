namespace Migrate.Cli.Tests.Support;

/// <summary>Runs the built CLI (migrate.dll beside the tests) as a process in a chosen working folder.</summary>
public static class MigrateProcess
{
    /// <param name="environment">Variables the command sees beyond the test process's own (MIGRATE_* removed).</param>
    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var result = await ExternalProcess.RunAsync("dotnet", workingDirectory, environment, [Path.Combine(AppContext.BaseDirectory, "migrate.dll"), .. args]);
        return new CliResult(result.ExitCode, result.Out, result.Error);
    }
}
