using System.Diagnostics;

namespace Migrate.Cli.Tests.Support;

/// <summary>Runs the built CLI (migrate.dll beside the tests) as a process in a chosen working folder.</summary>
public static class MigrateProcess
{
    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "migrate.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        ChildEnvironment.Apply(info, environment);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliResult(process.ExitCode, await output, await error);
    }
}
