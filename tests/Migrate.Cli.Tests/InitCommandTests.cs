using System.Text.Json;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary><c>migrate init</c> drafts a mapping that check accepts and run executes as it is.</summary>
public sealed class InitCommandTests : IDisposable
{
    private static readonly string Standard = Path.Combine(RepoPaths.Root, "mappings", "standard", "juki", "standard.yaml");
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "mappings", "vendors", "vendor-a", "sample");

    // The defects the vendor-a sample seeds on purpose, plus 外字 the draft cannot know: the only rejects allowed.
    // rule.forbidden: the draft's placeholder 住民種別 table maps both G and J to 1 (日本人住民), so the
    // standard's rule that a 日本人住民 row holds no 外国人 items rejects the foreign rows until it is filled in.
    private static readonly string[] ExpectedReasons =
        ["date.era-out-of-range", "date.invalid", "check.my-number", "length.exceeded", "gaiji.unresolved", "encoding.invalid", "csv.column-count", "rule.forbidden"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Draft_from_the_vendor_a_sample_checks_and_runs_with_only_the_seeded_rejects()
    {
        var draft = _temp.Combine("draft.yaml");

        var init = await CliRunner.RunAsync("init", "--source", Sample, "--encoding", "cp932", "--standard", Standard, "--out", draft);

        init.ExitCode.ShouldBe(0, init.Error);
        init.Error.ShouldContain("SEINENGAPPI");
        init.Error.ShouldContain("和暦");
        foreach (var personal in new[] { "山田", "123456789018", "東京都" }) init.Error.ShouldNotContain(personal);
        var text = await File.ReadAllTextAsync(draft, TestContext.Current.CancellationToken);
        text.ShouldContain("seinengappi: {from: SEINENGAPPI, do: [trim, {wareki: \"legacy\"}]}");
        text.ShouldContain("shichoson_code: {from: SHICHOSON_CD");      // by synonym
        text.ShouldContain("yubin_no: {from: YUBIN, do: [trim, {remove: \"-\"}]}");
        text.ShouldContain("\"M\": \"0\" #  TODO: placeholder");
        text.ShouldContain("\"1\": \"1\" #  支援措置");                    // shien_kubun uses standard codes already
        text.ShouldContain("Candidate customization: column CHIIKI_FLG");

        var check = await CliRunner.RunAsync("check", "--mapping", draft, "--standard", Standard, "--source", Sample);
        check.ExitCode.ShouldBe(0, check.Out + check.Error);

        var work = _temp.Combine("work");
        var run = await CliRunner.RunAsync("run", "--mapping", draft, "--standard", Standard, "--source", Sample, "--out", work, "--quiet", "--json");
        run.ExitCode.ShouldBe(0, run.Error);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "manifest.json"), TestContext.Current.CancellationToken));
        foreach (var table in manifest.RootElement.GetProperty("map").GetProperty("tables").EnumerateArray())
            foreach (var reason in table.GetProperty("rejects_by_reason").EnumerateObject())
                ExpectedReasons.ShouldContain(reason.Name, $"unexpected reject reason {reason.Name} in {table.GetProperty("table_id")}");
    }

    [Fact]
    public async Task Draft_from_a_clean_export_runs_with_zero_rejects_and_matches_kojin_no_by_content()
    {
        var source = _temp.Combine("src");
        Directory.CreateDirectory(source);
        var columns = VendorAFiles.JuminColumns.Select(c => c == "KOJIN_NO" ? "NO12" : c).ToArray();
        var rows = Enumerable.Range(1, 30).Select(i => VendorAFiles.Person((i * 8).ToString("0000000000", System.Globalization.CultureInfo.InvariantCulture), 1,
            ("SEIBETSU", i % 2 == 0 ? "F" : "M"), ("KOJIN_NO", i % 3 == 0 ? "000000000000" : "123456789018")))
            .Select(r => { r["NO12"] = r["KOJIN_NO"]; return r; })
            .ToList();
        VendorAFiles.Write(Path.Combine(source, "JUMIN.CSV"), columns, rows.Select(r => VendorAFiles.Line(columns, r)));
        var draft = _temp.Combine("draft.yaml");

        var init = await CliRunner.RunAsync("init", "--source", Path.Combine(source, "JUMIN.CSV"), "--standard", Standard, "--table", "person", "--out", draft, "--json");

        init.ExitCode.ShouldBe(0, init.Error);
        using (var summary = JsonDocument.Parse(init.Out))
        {
            var kojin = summary.RootElement.GetProperty("matches").EnumerateArray().Single(m => m.GetProperty("item_id").GetString() == "kojin_no");
            kojin.GetProperty("column").GetString().ShouldBe("NO12");
            kojin.GetProperty("how").GetString().ShouldBe("content");
        }
        (await CliRunner.RunAsync("check", "--mapping", draft, "--standard", Standard, "--source", source)).ExitCode.ShouldBe(0);
        var work = _temp.Combine("work");
        var run = await CliRunner.RunAsync("run", "--mapping", draft, "--standard", Standard, "--source", source, "--out", work, "--quiet", "--json");
        run.ExitCode.ShouldBe(0, run.Error);
        using var result = JsonDocument.Parse(run.Out);
        var person = result.RootElement.GetProperty("tables")[0];
        person.GetProperty("mapped").GetInt64().ShouldBe(30);
        person.GetProperty("rejected").GetInt64().ShouldBe(0);
    }
}
