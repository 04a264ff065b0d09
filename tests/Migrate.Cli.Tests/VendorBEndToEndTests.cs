using System.Text.Json;
using Microsoft.Data.Sqlite;
using Migrate.Cli.Tests.Support;
using Migrate.Samples;

namespace Migrate.Cli.Tests;

/// <summary>
/// vendor-b: three fixed-width CP932 files (one without record separators) joined into the standard
/// person table, 外字 from a table file, seeded defects — run end to end into SQLite.
/// </summary>
public sealed class VendorBEndToEndTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Mapping => RepoPaths.VendorMapping("vendor-b");

    [Fact]
    public async Task Vendor_b_sample_runs_end_to_end_exits_0_and_reconciles_with_the_seeded_defects()
    {
        var source = _temp.Combine("src");
        var work = _temp.Combine("work");
        var summary = await new VendorBSample().WriteAsync(new SampleOptions("vendor-b", 3000, 7, source), null, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("run", "--mapping", Mapping, "--source", source, "--out", work, "--quiet", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var reconciliation = json.RootElement.GetProperty("reconciliation");
        reconciliation.GetProperty("balanced").GetBoolean().ShouldBeTrue();
        var person = reconciliation.GetProperty("tables")[0];
        person.GetProperty("read").GetInt64().ShouldBe(summary.RowsPerFile[VendorBSample.RirekiFile]);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "manifest.json"), TestContext.Current.CancellationToken));
        var extract = manifest.RootElement.GetProperty("extract").GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("source_id").GetString()!);
        extract["setai"].GetProperty("rejected").GetInt64().ShouldBe(summary.DefectsByKind.GetValueOrDefault("fixed.split-character") + summary.DefectsByKind.GetValueOrDefault("fixed.record-length"));
        extract["kojin"].GetProperty("rejected").GetInt64().ShouldBe(0);
        extract["rireki"].GetProperty("records").GetInt64().ShouldBe(summary.RowsPerFile[VendorBSample.RirekiFile]);

        var mapped = manifest.RootElement.GetProperty("map").GetProperty("tables")[0];
        var byReason = mapped.GetProperty("rejects_by_reason");
        byReason.GetProperty("join.orphan").GetInt64().ShouldBe(summary.DefectsByKind["join.orphan"]);
        // Every seeded map-stage defect rejects its rows, and nothing else is rejected.
        string[] mapKinds = ["join.orphan", "code.unknown", "check.my-number", "gaiji.unresolved", "date.era-out-of-range"];
        mapped.GetProperty("rejected").GetInt64().ShouldBe(mapKinds.Sum(k => summary.DefectsByKind.GetValueOrDefault(k)));
        var joins = mapped.GetProperty("joins");
        joins[0].GetProperty("source").GetString().ShouldBe("kojin");
        joins[1].GetProperty("source").GetString().ShouldBe("setai");

        await using var db = new SqliteConnection($"Data Source={Path.Combine(work, "standard.db")};Pooling=False");
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM juki_person WHERE shimei LIKE '髙%' OR shimei LIKE '辻%' OR shimei LIKE '神%'";
        ((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBeGreaterThan(0);
        command.CommandText = "SELECT COUNT(*) FROM juki_person WHERE shimei_kana GLOB '*[ｦ-ﾟ]*' OR shimei GLOB '*[\uE000-\uF8FF]*' OR jusho GLOB '*[\uE000-\uF8FF]*'";
        ((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(0);

        // The household memo of the joined SETAI.DAT is a custom column; the report names it, never its values.
        var findings = await File.ReadAllTextAsync(Path.Combine(work, "report", "findings.csv"), TestContext.Current.CancellationToken);
        findings.ShouldContain("custom-column/setai/SETAI_MEMO");
        findings.ShouldNotContain("民生委員");
    }
}
