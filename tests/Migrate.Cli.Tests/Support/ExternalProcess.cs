using System.Diagnostics;

namespace Migrate.Cli.Tests.Support;

public sealed record ProcessResult(int ExitCode, string Out, string Error)
{
    public string All => Out + Error;
}

/// <summary>Runs a program to completion with captured output (the packed tool, the single-file binary, dotnet).</summary>
public static class ExternalProcess
{
    public static async Task<ProcessResult> RunAsync(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        ChildEnvironment.Apply(info, environment);
        using var process = Process.Start(info)!;
        var ct = TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return new ProcessResult(process.ExitCode, await output, await error);
    }

    /// <summary>The dotnet host on PATH, or null.</summary>
    public static string? Dotnet()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (!File.Exists(candidate)) continue;
            // /usr/bin/dotnet is usually a link into the SDK's folder, where the packs are.
            return new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
        }
        return null;
    }
}
