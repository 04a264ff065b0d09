using System.Text.Json;
using Migrate.Cli.Tests.Support;
using Migrate.Samples;

namespace Migrate.Cli.Tests;

/// <summary>The municipality's decisions file: dispositions, stale decisions, --init-decisions and --fail-on.</summary>
public sealed class DecisionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> RunSampleAsync(string name, long persons, int seed)
    {
        var source = _temp.Combine(name, "src");
        var work = _temp.Combine(name, "work");
        await new VendorASample().WriteAsync(new SampleOptions("vendor-a", persons, seed, source), null, TestContext.Current.CancellationToken);
        var result = await CliRunner.RunAsync("run", "--mapping", RepoPaths.VendorAMapping, "--source", source, "--out", work, "--quiet");
        result.ExitCode.ShouldBe(0, result.Error);
        return work;
    }

    private static JsonElement Report(string work) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "report", "report.json"))).RootElement.Clone();

    private static Dictionary<string, JsonElement> Findings(string work) =>
        Report(work).GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f);

    [Fact]
    public async Task Finding_ids_are_stable_across_sample_sizes()
    {
        var small = Findings(await RunSampleAsync("small", 300, 5));
        var large = Findings(await RunSampleAsync("large", 900, 5));

        string[] structural = ["custom-column", "missing-item", "declared", "unmapped-table"];
        small.Keys.Where(id => structural.Any(id.StartsWith)).Order().ShouldBe(large.Keys.Where(id => structural.Any(id.StartsWith)).Order());
        small.Keys.ShouldContain("custom-column/jumin/CHIIKI_FLG");
        large.Keys.ShouldContain("custom-column/jumin/CHIIKI_FLG");
        small.Keys.ShouldContain("custom-code/zokugara/07");
        large.Keys.ShouldContain("custom-code/zokugara/07");
        large["custom-column/jumin/CHIIKI_FLG"].GetProperty("count").GetInt64().ShouldBeGreaterThan(small["custom-column/jumin/CHIIKI_FLG"].GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Each_disposition_is_applied_and_stale_decisions_are_listed()
    {
        var work = await RunSampleAsync("m", 300, 5);
        var decisions = _temp.Combine("decisions.yaml");
        await File.WriteAllTextAsync(decisions, """
            decisions_version: 1
            municipality: 131016
            decisions:
              custom-column/jumin/CHIIKI_FLG: { disposition: adopt-standard, decided_by: 情報政策課, decided_on: 2026-11-20 }
              custom-column/shien/TANTO_KA: { disposition: justified, reason: 介護連携のため当面残す }
              custom-code/zokugara/07: { disposition: feedback, description: 孫を直接表すコードを標準に提案する }
              declared/form-a4-landscape: { disposition: pending }
              custom-column/jumin/OLD_FLAG: { disposition: justified, reason: 旧運用, stale: true }
            """, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("report", "--out", work, "--decisions", decisions, "--quiet");

        result.ExitCode.ShouldBe(0, result.Error);
        var findings = Findings(work);
        findings["custom-column/jumin/CHIIKI_FLG"].GetProperty("disposition").GetString().ShouldBe("adopt-standard");
        findings["custom-column/jumin/CHIIKI_FLG"].GetProperty("decided_by").GetString().ShouldBe("情報政策課");
        findings["custom-column/shien/TANTO_KA"].GetProperty("disposition").GetString().ShouldBe("justified");
        findings["custom-column/shien/TANTO_KA"].GetProperty("decision_reason").GetString().ShouldBe("介護連携のため当面残す");
        findings["custom-code/zokugara/07"].GetProperty("disposition").GetString().ShouldBe("feedback");
        findings["declared/form-a4-landscape"].GetProperty("disposition").GetString().ShouldBe("pending");
        findings["custom-code/zokugara/77"].GetProperty("disposition").GetString().ShouldBe("pending");
        var report = Report(work);
        report.GetProperty("municipality").GetString().ShouldBe("131016");
        report.GetProperty("stale_decisions").EnumerateArray().Select(s => s.GetProperty("finding_id").GetString()).ShouldBe(["custom-column/jumin/OLD_FLAG"]);
        var byDisposition = report.GetProperty("summary").GetProperty("by_disposition");
        byDisposition.GetProperty("justified").GetInt32().ShouldBe(1);
        byDisposition.GetProperty("pending").GetInt32().ShouldBe(findings.Count - 3);
        var html = await File.ReadAllTextAsync(Path.Combine(work, "report", "report.html"), TestContext.Current.CancellationToken);
        html.ShouldContain("custom-column/jumin/OLD_FLAG");
        html.ShouldContain("介護連携のため当面残す");
    }

    [Fact]
    public async Task An_id_that_was_never_a_finding_fails_and_one_the_previous_report_had_is_kept_as_stale()
    {
        var work = await RunSampleAsync("m", 300, 5);
        var decisions = _temp.Combine("decisions.yaml");
        await File.WriteAllTextAsync(decisions, """
            decisions_version: 1
            decisions:
              custom-column/jumin/CHIIKI_FLG: { disposition: adopt-standard }
              custom-column/jumin/NO_SUCH_COLUMN_AT_ALL: { disposition: justified, reason: 旧運用 }
            """, TestContext.Current.CancellationToken);

        var unknown = await CliRunner.RunAsync("report", "--out", work, "--decisions", decisions, "--quiet");

        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldContain("decisions.yaml:4:3");
        unknown.Error.ShouldContain("unknown finding id 'custom-column/jumin/NO_SUCH_COLUMN_AT_ALL'");
        unknown.Error.ShouldContain("stale: true");
        Findings(work)["custom-column/jumin/CHIIKI_FLG"].GetProperty("disposition").GetString().ShouldBe("pending", "a refused decisions file changes nothing");

        // The same id, had the previous report of this work directory listed it (a customization since removed), is stale.
        var reportPath = Path.Combine(work, "report", "report.json");
        var previous = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(reportPath, TestContext.Current.CancellationToken))!;
        var gone = previous["findings"]![0]!.DeepClone();
        gone["id"] = "custom-column/jumin/NO_SUCH_COLUMN_AT_ALL";
        previous["findings"]!.AsArray().Add(gone);
        await File.WriteAllTextAsync(reportPath, previous.ToJsonString(), TestContext.Current.CancellationToken);

        var stale = await CliRunner.RunAsync("report", "--out", work, "--decisions", decisions);

        stale.ExitCode.ShouldBe(0, stale.Error);
        stale.Error.ShouldContain("'custom-column/jumin/NO_SUCH_COLUMN_AT_ALL' no longer exists");
        Report(work).GetProperty("stale_decisions").EnumerateArray().Select(s => s.GetProperty("finding_id").GetString()).ShouldBe(["custom-column/jumin/NO_SUCH_COLUMN_AT_ALL"]);
        Findings(work)["custom-column/jumin/CHIIKI_FLG"].GetProperty("disposition").GetString().ShouldBe("adopt-standard");
    }

    [Fact]
    public async Task A_justified_decision_without_a_reason_is_refused_with_its_position()
    {
        var work = await RunSampleAsync("m", 300, 5);
        var decisions = _temp.Combine("decisions.yaml");
        await File.WriteAllTextAsync(decisions, "decisions_version: 1\ndecisions:\n  custom-column/jumin/CHIIKI_FLG:\n    disposition: justified\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("report", "--out", work, "--decisions", decisions, "--quiet");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain($"{decisions}:4:5: 'custom-column/jumin/CHIIKI_FLG': a justified deviation needs its written reason");
    }

    [Fact]
    public async Task Fail_on_conditions_exit_1_only_when_they_hold()
    {
        var work = await RunSampleAsync("m", 300, 5);
        var decisions = _temp.Combine("juki.decisions.yaml");

        (await CliRunner.RunAsync("report", "--out", work, "--quiet", "--fail-on", "pending")).ExitCode.ShouldBe(1);
        (await CliRunner.RunAsync("report", "--out", work, "--quiet", "--fail-on", "unjustified")).ExitCode.ShouldBe(1);
        (await CliRunner.RunAsync("report", "--out", work, "--quiet", "--fail-on", "rejects")).ExitCode.ShouldBe(1);

        // Decide every finding: nothing pending, nothing unjustified.
        (await CliRunner.RunAsync("report", "--out", work, "--quiet", "--decisions", decisions, "--init-decisions")).ExitCode.ShouldBe(0);
        var text = await File.ReadAllTextAsync(decisions, TestContext.Current.CancellationToken);
        text.ShouldContain("custom-column/jumin/CHIIKI_FLG:");
        text.ShouldContain("disposition: pending");
        await File.WriteAllTextAsync(decisions, text.Replace("disposition: pending", "disposition: adopt-standard", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        (await CliRunner.RunAsync("report", "--out", work, "--quiet", "--decisions", decisions, "--fail-on", "pending", "--fail-on", "unjustified")).ExitCode.ShouldBe(0);
        var gaiji = await CliRunner.RunAsync("report", "--out", work, "--quiet", "--decisions", decisions, "--fail-on", "unresolved-gaiji", "--json");
        var unresolved = Report(work).GetProperty("summary").GetProperty("gaiji_unresolved").GetInt64();
        gaiji.ExitCode.ShouldBe(unresolved > 0 ? 1 : 0);
        (await CliRunner.RunAsync("report", "--out", work, "--quiet", "--fail-on", "pendin")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Unresolved_gaiji_fails_on_request()
    {
        var source = _temp.Combine("g", "src");
        var work = _temp.Combine("g", "work");
        Directory.CreateDirectory(source);
        VendorAFiles.WriteJumin(source, [VendorAFiles.Person("0000000019"), VendorAFiles.Person("0000000027", 1, ("SHIMEI", "\uE005沢　一郎"))]);
        VendorAFiles.WriteShien(source);

        // One of two records holds an unresolved 外字: over the default reject threshold, which is not what this test is about.
        var result = await CliRunner.RunAsync("run", "--mapping", RepoPaths.VendorAMapping, "--source", source, "--out", work, "--quiet", "--fail-on", "unresolved-gaiji", "--max-rejects", "100%");

        result.ExitCode.ShouldBe(1);
        Findings(work)["gaiji/F045"].GetProperty("resolution").GetString().ShouldBe("unresolved");
    }

    [Fact]
    public async Task Init_decisions_keeps_existing_decisions()
    {
        var work = await RunSampleAsync("m", 300, 5);
        var decisions = _temp.Combine("d.yaml");
        await File.WriteAllTextAsync(decisions, "decisions_version: 1\ndecisions:\n  custom-column/jumin/CHIIKI_FLG: { disposition: justified, reason: 残す }\n  gone/x: { disposition: adopt-standard }\n", TestContext.Current.CancellationToken);

        (await CliRunner.RunAsync("report", "--out", work, "--quiet", "--decisions", decisions, "--init-decisions")).ExitCode.ShouldBe(0);

        Findings(work)["custom-column/jumin/CHIIKI_FLG"].GetProperty("decision_reason").GetString().ShouldBe("残す");
        var text = await File.ReadAllTextAsync(decisions, TestContext.Current.CancellationToken);
        text.ShouldContain("gone/x");
        text.ShouldContain("custom-column/shien/TANTO_KA");
    }
}
