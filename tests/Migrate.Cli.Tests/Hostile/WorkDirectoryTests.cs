using System.Security.Cryptography;
using Migrate.Cli.Tests.Support;
using Migrate.Core.Work;

namespace Migrate.Cli.Tests.Hostile;

/// <summary>Issue 19 items 10, 11, 13, 14: the work directory is locked, left intact by a refused run, written without following links, with explicit modes.</summary>
public sealed class WorkDirectoryTests : IDisposable
{
    private readonly HostileWorkspace _w = new();

    public void Dispose() => _w.Dispose();

    private Task<CliResult> RunAsync(params string[] more) =>
        CliRunner.RunAsync(["run", "--mapping", _w.Mapping, "--source", _w.Source, "--out", _w.Work, "--quiet", .. more]);

    [Fact]
    public async Task A_second_writer_fails_at_once_naming_the_holder_and_changes_nothing()
    {
        (await RunAsync()).ExitCode.ShouldBe(0);
        var manifest = await File.ReadAllTextAsync(Path.Combine(_w.Work, "manifest.json"), TestContext.Current.CancellationToken);
        var runId = System.Text.Json.JsonDocument.Parse(manifest).RootElement.GetProperty("run_id").GetString()!;

        using (WorkLock.Acquire(new WorkDirectory(_w.Work), "load", newRun: false))
        {
            foreach (var args in new[] { new[] { "run", "--mapping", _w.Mapping, "--source", _w.Source, "--out", _w.Work, "--replace" }, ["map", "--out", _w.Work], ["load", "--out", _w.Work, "--replace"], ["report", "--out", _w.Work] })
            {
                var second = await CliRunner.RunAsync(args);
                second.ExitCode.ShouldBe(4, second.Error);
                second.Error.ShouldContain($"is in use by 'migrate load' (PID {Environment.ProcessId}, run {runId}");
            }
        }

        (await File.ReadAllTextAsync(Path.Combine(_w.Work, "manifest.json"), TestContext.Current.CancellationToken)).ShouldBe(manifest);
        (await CliRunner.RunAsync("verify", "--out", _w.Work)).ExitCode.ShouldBe(0);
        (await RunAsync("--replace")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_refused_rerun_leaves_every_file_of_the_work_directory_as_it_was()
    {
        (await RunAsync()).ExitCode.ShouldBe(0);
        var before = Snapshot();

        var second = await RunAsync();

        second.ExitCode.ShouldBe(3);
        second.Error.ShouldContain("give --replace to replace them (nothing was changed)");
        Snapshot().ShouldBe(before);
        (await CliRunner.RunAsync("verify", "--out", _w.Work)).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("load", "--out", _w.Work, "--replace", "--quiet")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_planted_link_at_a_temporary_name_is_never_written_through()
    {
        (await RunAsync()).ExitCode.ShouldBe(0);
        var victim = _w.Combine("victim.txt");
        await File.WriteAllTextAsync(victim, "keep me", TestContext.Current.CancellationToken);
        foreach (var planted in new[] { Path.Combine(_w.Work, "manifest.json.tmp"), Path.Combine(_w.Work, "report", "report.html.tmp"), Path.Combine(_w.Work, "report", "findings.csv.tmp") })
            File.CreateSymbolicLink(planted, victim);

        (await RunAsync("--replace")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("report", "--out", _w.Work, "--quiet")).ExitCode.ShouldBe(0);

        (await File.ReadAllTextAsync(victim, TestContext.Current.CancellationToken)).ShouldBe("keep me");
        Directory.EnumerateFiles(_w.Work, "*.tmp", SearchOption.AllDirectories).Count().ShouldBe(3); // only the planted links
    }

    [Fact]
    public async Task Files_get_explicit_modes_whatever_the_umask()
    {
        if (OperatingSystem.IsWindows()) return;
        var result = await CliProcess.RunAsync("000", "run", "--mapping", _w.Mapping, "--source", _w.Source, "--out", _w.Work, "--quiet");
        result.ExitCode.ShouldBe(0, result.Error);

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        const UnixFileMode readable = ownerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.GetUnixFileMode(Path.Combine(_w.Work, "manifest.json")).ShouldBe(readable);
        foreach (var report in Directory.EnumerateFiles(Path.Combine(_w.Work, "report")))
            File.GetUnixFileMode(report).ShouldBe(readable, report);
        foreach (var personal in Directory.EnumerateFiles(Path.Combine(_w.Work, "staging")).Concat(Directory.EnumerateFiles(Path.Combine(_w.Work, "mapped")))
                     .Concat(Directory.EnumerateFiles(Path.Combine(_w.Work, "rejects"))).Append(Path.Combine(_w.Work, "standard.db")))
            File.GetUnixFileMode(personal).ShouldBe(ownerOnly, personal);
        File.GetUnixFileMode(_w.Work).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Every file of the work directory with its SHA-256.</summary>
    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(_w.Work, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith(".migrate.lock", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(_w.Work, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
