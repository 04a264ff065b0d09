using System.Text.Json;
using Microsoft.Data.Sqlite;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>From a CP932 export through extract, map, load and report into a real SQLite file.</summary>
public sealed class RunEndToEndTests : IDisposable
{
    private readonly CliWorkspace _w = new();

    public void Dispose() => _w.Dispose();

    /// <summary>The handmade export is mostly deliberate defects: the per-table reject threshold (tested in CriticalIntegrityTests) is off.</summary>
    private Task<CliResult> RunAsync(params string[] extra) => _w.RunAsync(RepoPaths.VendorAMapping, [.. CliWorkspace.NoRejectThreshold, .. extra]);

    private void WriteHandmadeExport()
    {
        Directory.CreateDirectory(_w.Source);
        VendorAFiles.WriteJumin(_w.Source,
        [
            VendorAFiles.Person("0000000019"),
            VendorAFiles.Person("0000000019", 2, ("IDO_JIYU", "C1"), ("IDO_YMD", "4100401"), ("TODOKEDE_YMD", "4100401")),
            VendorAFiles.Person("0000000027", 1, ("SHIMEI", "\uE000橋　花子"), ("KANA_SHIMEI", "ﾀｶﾊｼ ﾊﾅｺ"), ("SEIBETSU", "F"), ("ZOKUGARA", "07"),
                ("SEINENGAPPI", "3500300"), ("MEMO", "要介護認定あり")),
            VendorAFiles.Person("0000000035", 1, ("SEINENGAPPI", "3640201")),                          // 昭和64年2月1日
            VendorAFiles.Person("0000000043", 1, ("ZOKUGARA", "77"), ("KOJIN_NO", "123456789017")),   // two reasons
            VendorAFiles.Person("9990000011", 1),                                                     // test record, filtered
        ]);
        VendorAFiles.WriteShien(_w.Source, "0000000019,1,4300401,,市民課");
    }

    [Fact]
    public async Task Handmade_export_loads_exact_standard_values_and_reconciles()
    {
        WriteHandmadeExport();

        var result = await RunAsync("--json");

        result.ExitCode.ShouldBe(0, result.Error);
        await using var db = new SqliteConnection($"Data Source={Path.Combine(_w.Work, "standard.db")};Pooling=False");
        await db.OpenAsync(TestContext.Current.CancellationToken);
        Scalar(db, "SELECT COUNT(*) FROM juki_person").ShouldBe(3L);
        Scalar(db, "SELECT COUNT(*) FROM juki_support").ShouldBe(1L);
        Scalar(db, "SELECT seinengappi FROM juki_person WHERE atena_no = '0000000019' AND rireki_no = 1").ShouldBe("1975-03-01");
        Scalar(db, "SELECT shimei_kana FROM juki_person WHERE atena_no = '0000000019' AND rireki_no = 1").ShouldBe("ヤマダ　タロウ");
        Scalar(db, "SELECT ido_jiyu FROM juki_person WHERE atena_no = '0000000019' AND rireki_no = 2").ShouldBe("41");
        Scalar(db, "SELECT shimei FROM juki_person WHERE atena_no = '0000000027'").ShouldBe("髙橋　花子");
        Scalar(db, "SELECT zokugara FROM juki_person WHERE atena_no = '0000000027'").ShouldBe("2020");
        Scalar(db, "SELECT seinengappi IS NULL FROM juki_person WHERE atena_no = '0000000027'").ShouldBe(1L);
        Scalar(db, "SELECT seinengappi_fusho FROM juki_person WHERE atena_no = '0000000027'").ShouldBe(1L);
        Scalar(db, "SELECT seinengappi_fusho_hyoki FROM juki_person WHERE atena_no = '0000000027'").ShouldBe("昭和50年3月日不詳");
        Scalar(db, "SELECT seinengappi_fusho FROM juki_person WHERE atena_no = '0000000019' AND rireki_no = 1").ShouldBe(0L);
        Scalar(db, "SELECT yubin_no FROM juki_person WHERE atena_no = '0000000019' AND rireki_no = 1").ShouldBe("1000001");
        Scalar(db, "SELECT kaishi_ymd FROM juki_support").ShouldBe("2018-04-01");

        using var summary = JsonDocument.Parse(result.Out);
        var person = summary.RootElement.GetProperty("reconciliation").GetProperty("tables")[0];
        person.GetProperty("table_id").GetString().ShouldBe("person");
        person.GetProperty("read").GetInt64().ShouldBe(6);
        person.GetProperty("loaded").GetInt64().ShouldBe(3);
        person.GetProperty("rejected").GetInt64().ShouldBe(2);
        person.GetProperty("filtered").GetInt64().ShouldBe(1);
        person.GetProperty("balanced").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Rejects_keep_every_reason_with_item_line_and_offset()
    {
        WriteHandmadeExport();

        (await RunAsync()).ExitCode.ShouldBe(0);

        var rejects = File.ReadAllLines(Path.Combine(_w.Work, "rejects", "person.map.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        rejects.Count.ShouldBe(2);
        var era = rejects[0];
        era.GetProperty("line").GetInt64().ShouldBe(5);
        era.GetProperty("key").GetString().ShouldBe("atena_no=0000000035, rireki_no=1");
        era.GetProperty("reasons")[0].GetProperty("code").GetString().ShouldBe("date.era-out-of-range");
        era.GetProperty("reasons")[0].GetProperty("item").GetString().ShouldBe("seinengappi");
        era.GetProperty("reasons")[0].GetProperty("column").GetString().ShouldBe("SEINENGAPPI");
        era.GetProperty("byte_offset").GetInt64().ShouldBeGreaterThan(0);

        var two = rejects[1].GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("code").GetString(), r.GetProperty("item").GetString())).ToList();
        two.ShouldBe([("code.unknown", "zokugara"), ("check.my-number", "kojin_no")], ignoreOrder: true);
    }

    [Fact]
    public async Task Report_lists_customizations_with_stable_ids_and_no_personal_values()
    {
        WriteHandmadeExport();

        (await RunAsync()).ExitCode.ShouldBe(0);

        var json = await File.ReadAllTextAsync(Path.Combine(_w.Work, "report", "report.json"), TestContext.Current.CancellationToken);
        using var report = JsonDocument.Parse(json);
        var ids = report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        ids.ShouldNotContain("custom-column/jumin/MEMO");   // メモ is a standard item (1.1.15)
        ids.ShouldContain("custom-column/jumin/CHIIKI_FLG");
        ids.ShouldContain("custom-column/shien/TANTO_KA");
        ids.ShouldContain("custom-code/zokugara/07");
        ids.ShouldContain("custom-code/zokugara/77");
        ids.ShouldContain("gaiji/F040");
        ids.ShouldContain("missing-item/person/setainushi_atena_no");
        ids.ShouldContain("declared/form-a4-landscape");
        foreach (var file in new[] { "report.json", "report.md", "report.html" })
        {
            var text = await File.ReadAllTextAsync(Path.Combine(_w.Work, "report", file), TestContext.Current.CancellationToken);
            text.ShouldNotContain("山田");
            text.ShouldNotContain("花子");
            text.ShouldNotContain("123456789018");
            text.ShouldNotContain("要介護");
        }
    }

    [Fact]
    public async Task Personal_data_files_are_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        WriteHandmadeExport();

        (await RunAsync()).ExitCode.ShouldBe(0);

        foreach (var path in new[] { "staging/jumin.csv", "mapped/person.csv", "rejects/person.map.jsonl", "standard.db" })
            File.GetUnixFileMode(Path.Combine(_w.Work, path)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, path);
    }

    [Fact]
    public async Task Loading_twice_without_replace_is_refused_and_replace_does_not_duplicate()
    {
        WriteHandmadeExport();
        (await RunAsync()).ExitCode.ShouldBe(0);

        var again = await CliRunner.RunAsync("load", "--out", _w.Work, "--max-rejects", "100%", "--quiet");
        again.ExitCode.ShouldBe(3);
        again.Error.ShouldContain("--replace");

        var replaced = await CliRunner.RunAsync("load", "--out", _w.Work, "--max-rejects", "100%", "--replace", "--quiet");
        replaced.ExitCode.ShouldBe(0, replaced.Error);
        await using var db = new SqliteConnection($"Data Source={Path.Combine(_w.Work, "standard.db")};Pooling=False");
        await db.OpenAsync(TestContext.Current.CancellationToken);
        Scalar(db, "SELECT COUNT(*) FROM juki_person").ShouldBe(3L);
    }

    [Fact]
    public async Task A_support_record_that_cannot_be_mapped_stops_the_run_before_loading()
    {
        WriteHandmadeExport();
        VendorAFiles.WriteShien(_w.Source, "0000000019,1,4300401,,市民課", "0000000027,7,4300401,,市民課");

        var result = await RunAsync();

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain("支援措置");
        result.Error.ShouldContain("atena_no=0000000027");
        File.Exists(Path.Combine(_w.Work, "standard.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Fail_on_rejects_exits_1_after_completing()
    {
        WriteHandmadeExport();

        var result = await RunAsync("--fail-on", "rejects");

        result.ExitCode.ShouldBe(1);
        File.Exists(Path.Combine(_w.Work, "report", "report.html")).ShouldBeTrue();
    }

    private static object? Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public async Task Map_again_after_removing_its_output_folders_writes_the_same_files()
    {
        WriteHandmadeExport();
        (await CliRunner.RunAsync(["extract", "--mapping", RepoPaths.VendorAMapping, "--source", _w.Source, "--out", _w.Work, "--quiet"])).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync(["map", "--out", _w.Work, "--quiet"])).ExitCode.ShouldBe(0);
        var mapped = File.ReadAllBytes(Path.Combine(_w.Work, "mapped", "person.csv"));
        var rejects = File.ReadAllBytes(Path.Combine(_w.Work, "rejects", "person.map.jsonl"));
        Directory.Delete(Path.Combine(_w.Work, "mapped"), recursive: true);
        Directory.Delete(Path.Combine(_w.Work, "rejects"), recursive: true);

        var again = await CliRunner.RunAsync(["map", "--out", _w.Work, "--quiet"]);

        again.ExitCode.ShouldBe(0, again.Error);
        File.ReadAllBytes(Path.Combine(_w.Work, "mapped", "person.csv")).ShouldBeSameBytes(mapped);
        File.ReadAllBytes(Path.Combine(_w.Work, "rejects", "person.map.jsonl")).ShouldBeSameBytes(rejects);
    }
}
