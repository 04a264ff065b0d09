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
        var source = _temp.Combine(name + "-src");
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
    public async Task Municipalities_are_named_by_code_and_name_from_their_overlays()
    {
        // One overlay from the repository (千代田区), one written outside it naming only its code and name.
        var chiyoda = Path.Combine(RepoPaths.Root, "mappings", "municipalities", "131016-chiyoda", "juki.yaml");
        var overlay = _temp.Combine("minato.yaml");
        await File.WriteAllTextAsync(overlay, $"extends: {RepoPaths.VendorAMapping}\nmunicipality: \"131032\"\nmunicipality_name: 港区\n", TestContext.Current.CancellationToken);
        var reports = new List<string>();
        foreach (var (name, mapping, seed) in new[] { ("chiyoda", chiyoda, 21), ("minato", overlay, 22) })
        {
            var source = _temp.Combine(name + "-src");
            var work = _temp.Combine(name);
            await new VendorASample().WriteAsync(new SampleOptions("vendor-a", 200, seed, source), null, TestContext.Current.CancellationToken);
            var run = await CliRunner.RunAsync("run", "--mapping", mapping, "--source", source, "--out", work, "--quiet");
            run.ExitCode.ShouldBe(0, run.Error);
            reports.Add(Path.Combine(work, "report", "report.json"));
        }
        var output = _temp.Combine("compare");

        var result = await CliRunner.RunAsync("compare", reports[0], reports[1], "--out", output, "--quiet");

        result.ExitCode.ShouldBe(0, result.Error);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "compare.json"), TestContext.Current.CancellationToken));
        var municipalities = doc.RootElement.GetProperty("municipalities").EnumerateArray().ToList();
        municipalities.Select(m => m.GetProperty("code").GetString()).ShouldBe(["131016", "131032"]);
        municipalities.Select(m => m.GetProperty("name").GetString()).ShouldBe(["千代田区", "港区"]);
        municipalities.Select(m => m.GetProperty("label").GetString()).ShouldBe(["131016 千代田区", "131032 港区"]);
        var html = await File.ReadAllTextAsync(Path.Combine(output, "compare.html"), TestContext.Current.CancellationToken);
        html.ShouldContain("<tr><td>131016</td><td>千代田区</td><td>vendor-a</td>");
        html.ShouldContain("<tr><td>131032</td><td>港区</td><td>vendor-a</td>");
        using var chiyodaReport = JsonDocument.Parse(await File.ReadAllTextAsync(reports[0], TestContext.Current.CancellationToken));
        chiyodaReport.RootElement.GetProperty("municipality_name").GetString().ShouldBe("千代田区");
    }

    [Fact]
    public async Task Compare_needs_two_reports()
    {
        var result = await CliRunner.RunAsync("compare", _temp.Combine("missing.json"), "--quiet");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("at least two");
    }

    [Fact]
    public void Vendor_specific_ids_are_grouped_only_within_a_vendor_and_standard_meanings_across_vendors()
    {
        Migrate.Core.Report.MigrationReport Report(string vendor, string work, params Migrate.Core.Report.Finding[] findings) => new()
        {
            RunId = "r",
            ToolVersion = "t",
            Vendor = vendor,
            StandardId = "juki",
            StandardName = "住民記録",
            StandardVersion = "1.0",
            MappingSha256 = new string('0', 64),
            Summary = new(findings.Length, new Dictionary<string, int>(), new Dictionary<string, int>(), 0, 0, 0, 0, 0, 0, 0, true),
            Findings = findings,
            Rejects = [],
            Tables = [],
            NotChecked = [],
        };
        var gaijiA = new Migrate.Core.Report.Finding("gaiji/F042", Migrate.Core.Report.FindingCategory.Gaiji, "外字 F042", "", 3, Resolution: "unresolved");
        var gaijiB = gaijiA with { Count = 5 };
        var codeA = new Migrate.Core.Report.Finding("custom-code/zokugara/07", Migrate.Core.Report.FindingCategory.CustomCode, "孫", "", 2, Item: "zokugara", StandardValue: "2020");
        var codeB = new Migrate.Core.Report.Finding("custom-code/zokugara/77", Migrate.Core.Report.FindingCategory.CustomCode, "孫", "", 4, Item: "zokugara", StandardValue: "2020");
        var missing = new Migrate.Core.Report.Finding("missing-item/person/kyushi", Migrate.Core.Report.FindingCategory.MissingItem, "旧氏", "", 0);

        var comparison = Migrate.Core.Compare.ComparisonBuilder.Build([
            (Path.Combine("a", "work", "report", "report.json"), Report("vendor-a", "a", gaijiA, codeA, missing)),
            (Path.Combine("b", "work", "report", "report.json"), Report("vendor-b", "b", gaijiB, codeB, missing)),
        ]);

        comparison.Municipalities.Select(m => m.Label).ShouldBe(["work", "b/work"]);
        var byId = comparison.Findings.ToLookup(f => f.Id);
        byId["gaiji/F042"].Count().ShouldBe(2);
        byId["gaiji/F042"].ShouldAllBe(f => !f.Recurring && f.Vendors.Count == 1);
        var grandchild = comparison.Findings.Single(f => f.Category == Migrate.Core.Report.FindingCategory.CustomCode);
        grandchild.Recurring.ShouldBeTrue();
        grandchild.Vendors.ShouldBe(["vendor-a", "vendor-b"]);
        grandchild.Ids.ShouldBe(["custom-code/zokugara/07", "custom-code/zokugara/77"]);
        byId["missing-item/person/kyushi"].Single().Recurring.ShouldBeTrue();
    }
}
