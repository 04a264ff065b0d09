using System.Text.RegularExpressions;
using Migrate.Cli.Tests.Support;
using Migrate.Samples;

namespace Migrate.Cli.Tests;

/// <summary>
/// Progress as a person sees it: the built CLI run under a pseudo-terminal (util-linux 'script') on a
/// ~100k-record sample shows one line per stage with counts and rates, and the summary table; stdout
/// stays free of it.
/// </summary>
public sealed partial class ProgressTerminalTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    [Fact]
    public async Task A_run_on_a_terminal_shows_each_stage_with_counts_and_rates()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/script"), "util-linux 'script' is not installed");
        var dotnet = ExternalProcess.Dotnet();
        Assert.SkipWhen(dotnet is null, "dotnet is not on PATH");
        var source = _temp.Combine("src");
        await new VendorASample().WriteAsync(new SampleOptions("vendor-a", 50_000, 11, source), null, TestContext.Current.CancellationToken);
        var cli = Path.Combine(AppContext.BaseDirectory, "migrate.dll");
        var stdout = _temp.Combine("stdout.txt");
        var command = $"stty cols 200; '{dotnet}' '{cli}' run --mapping '{RepoPaths.VendorAMapping}' --source '{source}' --out '{_temp.Combine("work")}' > '{stdout}'";

        var result = await ExternalProcess.RunAsync("/usr/bin/script", _temp.Path, null, "-qec", command, _temp.Combine("typescript"));

        result.ExitCode.ShouldBe(0, result.All);
        var screen = AnsiEscape().Replace(result.Out, "");
        Regex.IsMatch(screen, @"extract JUMIN\.CSV .*[\d.]+/[\d.]+ MB .*MB/s").ShouldBeTrue(screen[^Math.Min(screen.Length, 3000)..]);
        Regex.IsMatch(screen, @"map person .*[\d,]+ records .*[\d,]+ rows/s").ShouldBeTrue();
        Regex.IsMatch(screen, @"load sqlite:.*[\d,]+ records .*[\d,]+ rows/s").ShouldBeTrue();
        // The summary table, then the closing line.
        Regex.IsMatch(screen, @"│ load\s+│ person\s+│\s+[\d,]+ │\s+[\d,]+ │").ShouldBeTrue();
        screen.ShouldContain("balanced");
        screen.ShouldContain("migrate run: done in");
        (await File.ReadAllTextAsync(stdout, TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }
}
