using System.Diagnostics;

namespace Migrate.Cli.Tests.Support;

/// <summary>The built CLI (migrate.dll beside the tests) as a child process, started through sh so a test can set its umask.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _out;
    private readonly Task<string> _error;

    private CliProcess(Process process)
    {
        _process = process;
        _out = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public static CliProcess Start(string umask, params string[] args) => Start(umask, null, args);

    /// <param name="environment">Variables the command sees beyond the test process's own (MIGRATE_* removed), e.g. env:NAME targets.</param>
    public static CliProcess Start(string umask, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "migrate.dll");
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"umask {umask}; exec dotnet \"$0\" \"$@\"");
        info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        ChildEnvironment.Apply(info, environment);
        return new CliProcess(Process.Start(info)!);
    }

    public static async Task<CliResult> RunAsync(string umask, params string[] args)
    {
        using var process = Start(umask, args);
        return await process.WaitAsync();
    }

    public async Task<CliResult> WaitAsync()
    {
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliResult(_process.ExitCode, await _out, await _error);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }
}
