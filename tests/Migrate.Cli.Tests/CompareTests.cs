using System.Text.Json;
using Migrate.Cli.Tests.Support;
using Migrate.Samples;

namespace Migrate.Cli.Tests;

/// <summary>migrate compare over several municipalities sharing vendor-a.</summary>
public sealed class CompareTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> MunicipalityAsync(string name, int seed, string? decisions)
    {
        var source = _temp.Combine(name, "src");
        var work = _temp.Combine(name);
        await new VendorASample().WriteAsync(new SampleOptions("vendor-a", 250, seed, source), null, TestContext.Current.CancellationToken);
        var args = new List<string> { "run", "--mapping", RepoPaths.VendorAMapping, "--source", source, "--out", work, "--quiet" };
        if (decisions is not null)
        {
            var path = _temp.Combine(name + ".decisions.yaml");
            await File.WriteAllTextAsync(path, "decisions_version: 1\nmunicipality: " + name + "\ndecisions:\n" + decisions, TestContext.Current.CancellationToken);
            args.AddRange(["--decisions", path]);
        }
        (await CliRunner.RunAsync([.. args])).ExitCode.ShouldBe(0);
        return Path.Combine(work, "report", "report.json");
    }

    [Fact]
    public async Task Recurring_and_unique_customizations_are_counted_across_three_municipalities()
    {
        var a = await MunicipalityAsync("city-a", 11, "  custom-column/jumin/CHIIKI_FLG: { disposition: justified, reason: 介護連携 }\n");
        var b = await MunicipalityAsync("city-b", 12, "  custom-column/jumin/CHIIKI_FLG: { disposition: adopt-standard }\n");
        var c = await MunicipalityAsync("city-c", 13, null);
        var output = _temp.Combine("compare");

        var result = await CliRunner.RunAsync("compare", a, b, c, "--out", output, "--json", "--quiet");

        result.ExitCode.ShouldBe(0, result.Error);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "compare.json"), TestContext.Current.CancellationToken));
        var root = doc.RootElement;
        root.GetProperty("municipalities").GetArrayLength().ShouldBe(3);
        var findings = root.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        var memo = findings["custom-column/jumin/CHIIKI_FLG"];
        memo.GetProperty("municipalities").GetInt32().ShouldBe(3);
        memo.GetProperty("recurring").GetBoolean().ShouldBeTrue();
        memo.GetProperty("by_disposition").GetProperty("justified").GetInt32().ShouldBe(1);
        memo.GetProperty("by_disposition").GetProperty("adopt-standard").GetInt32().ShouldBe(1);
        memo.GetProperty("by_disposition").GetProperty("pending").GetInt32().ShouldBe(1);
        root.GetProperty("feedback_candidates").EnumerateArray().Select(e => e.GetString()).ShouldBe(["custom-column/jumin/CHIIKI_FLG"]);

        // Every finding is recurring or unique, and the totals say so.
        var recurring = findings.Values.Count(f => f.GetProperty("municipalities").GetInt32() > 1);
        root.GetProperty("recurring").GetInt32().ShouldBe(recurring);
        root.GetProperty("unique").GetInt32().ShouldBe(findings.Count - recurring);
        var labels = root.GetProperty("municipalities").EnumerateArray().Select(m => m.GetProperty("label").GetString()).ToList();
        labels.ShouldBe(["city-a", "city-b", "city-c"]);
        File.Exists(Path.Combine(output, "compare.html")).ShouldBeTrue();
        File.ReadAllLines(Path.Combine(output, "compare.csv")).Length.ShouldBe(findings.Count + 1);
    }

    [Fact]
    public async Task Compare_needs_two_reports()
    {
        var result = await CliRunner.RunAsync("compare", _temp.Combine("missing.json"), "--quiet");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("at least two");
    }
}
