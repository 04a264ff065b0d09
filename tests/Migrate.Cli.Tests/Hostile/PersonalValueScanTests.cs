using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests.Hostile;

/// <summary>
/// Issue 19 item 4: with the name column mapped to 続柄 by mistake, no name from the sample reaches a
/// report file, the manifest or the console; the mistake is reported by count and reason.
/// </summary>
public sealed class PersonalValueScanTests : IDisposable
{
    private readonly HostileWorkspace _w = new();

    public void Dispose() => _w.Dispose();

    private static string SampleSource => Path.Combine(RepoPaths.Root, "mappings", "vendors", "vendor-a", "sample");

    /// <summary>Every name and kana name in the sample export (CP932, header row first).</summary>
    private static HashSet<string> SampleNames()
    {
        // The sample holds a deliberately broken byte: decode leniently here (VendorAFiles registers code page 932).
        var lines = File.ReadAllLines(Path.Combine(SampleSource, "JUMIN.CSV"), Cp932.Lenient);
        var header = lines[0].Split(',');
        var columns = new[] { Array.IndexOf(header, "SHIMEI"), Array.IndexOf(header, "KANA_SHIMEI") };
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',');
            foreach (var c in columns)
                if (c < fields.Length && fields[c].Trim('"').Trim() is { Length: > 1 } name) names.Add(name);
        }
        return names;
    }

    [Fact]
    public async Task Names_in_a_code_column_reach_no_report_manifest_or_console()
    {
        var mapping = _w.MappingWith("swapped", "zokugara: { from: ZOKUGARA,", "zokugara: { from: SHIMEI,");
        var names = SampleNames();
        names.Count.ShouldBeGreaterThan(100);

        var run = await CliRunner.RunAsync("run", "--mapping", mapping, "--source", SampleSource, "--out", _w.Work);
        var check = await CliRunner.RunAsync("check", "--mapping", mapping, "--source", SampleSource);
        var checkJson = await CliRunner.RunAsync("check", "--mapping", mapping, "--source", SampleSource, "--json");

        run.Error.ShouldNotContain("this is a bug");
        check.ExitCode.ShouldBe(2);
        (check.Out + check.Error).ShouldContain("the values are not shown");
        var texts = new List<(string Where, string Text)>
        {
            ("run output", run.Out + run.Error), ("check output", check.Out + check.Error), ("check --json", checkJson.Out + checkJson.Error),
            ("manifest.json", await File.ReadAllTextAsync(Path.Combine(_w.Work, "manifest.json"), TestContext.Current.CancellationToken)),
        };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_w.Work, "report")))
            texts.Add((Path.GetFileName(file), await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)));
        texts.Count.ShouldBeGreaterThanOrEqualTo(9);
        var leaks = texts.SelectMany(t => names.Where(n => t.Text.Contains(n, StringComparison.Ordinal)).Take(3).Select(n => $"{t.Where}: {n}")).ToList();
        leaks.ShouldBeEmpty();
        // The mistake is still reported, by count and reason.
        (await File.ReadAllTextAsync(Path.Combine(_w.Work, "report", "findings.csv"), TestContext.Current.CancellationToken)).ShouldContain("[withheld:not-a-code]");
    }
}
