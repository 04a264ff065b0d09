using System.Text.Json;
using Microsoft.Data.Sqlite;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>
/// The standard's own rules, end to end on vendor-a's mapping into SQLite: 不詳 and 暦上日以外 dates
/// kept with their wording, the era as written, 続柄 depth, exact 郵便番号, 在留カード番号 and the
/// rules by 住民種別 (住民記録システム標準仕様書 第1.0版 1.1.1, 1.1.2, 1.1.8, 1.1.11, 1.2.2).
/// </summary>
public sealed class StandardFidelityEndToEndTests : IDisposable
{
    private readonly CliWorkspace _w = new();

    public void Dispose() => _w.Dispose();

    private static Dictionary<string, string> Foreign(string atena, params (string Column, string Value)[] overrides) =>
        VendorAFiles.Person(atena, 1, [("JUMIN_SHUBETSU", "G"), ("ALPHA_NAME", "SMITH JOHN"), ("KOKUSEKI", "USA"), ("ZAIRYU_SHIKAKU", "留学"),
            ("ZAIRYU_KIKAN", "2年"), ("ZAIRYU_MANRYO", "20270331"), ("ZAIRYU_CARD", "AB12345678CD"), ("HONSEKI", ""), ("HITTOSHA", ""), .. overrides]);

    private async Task<(CliResult Result, SqliteConnection Db, List<JsonElement> Rejects)> RunAsync()
    {
        Directory.CreateDirectory(_w.Source);
        VendorAFiles.WriteJumin(_w.Source,
        [
            VendorAFiles.Person("0000000019", 1, ("MEMO", "要介護認定あり")),
            VendorAFiles.Person("0000000027", 1, ("SEINENGAPPI", "4050229")),                        // 平成5年2月29日: 暦上日以外
            VendorAFiles.Person("0000000035", 1, ("SEINENGAPPI", "昭和３０年頃")),                    // typed 不詳
            VendorAFiles.Person("0000000043", 1, ("SEINENGAPPI", "1450730")),                        // 明治45年7月30日
            VendorAFiles.Person("0000000051", 1, ("SEINENGAPPI", "2010730")),                        // 大正元年7月30日
            VendorAFiles.Person("0000000060", 1, ("TODOKEDE_YMD", "0000000")),                       // 不詳 where the standard has none
            VendorAFiles.Person("0000000078", 1, ("SEINENGAPPI", "昭和64年2月日不詳")),               // impossible 不詳
            VendorAFiles.Person("0000000086", 1, ("ZOKUGARA", "16")),                                // 5 generations → 縁故者
            VendorAFiles.Person("0000000094", 1, ("YUBIN", "100-001")),                              // 6 digits
            VendorAFiles.Person("0000000108", 1, ("IDO_JIYU", "B2"), ("IDO_YMD", "0000000"), ("JUMIN_JOTAI", "2")),  // death, day unknown
            VendorAFiles.Person("0000000116", 1, ("IDO_JIYU", "C1"), ("IDO_YMD", "0000000")),        // 転居 with a 不詳 異動日
            Foreign("0000000124"),
            Foreign("0000000132", ("ZAIRYU_CARD", "A123456789CD")),                                  // malformed card number
            Foreign("0000000140", ("KOKUSEKI", "")),                                                 // 外国人住民 without 国籍・地域
            VendorAFiles.Person("0000000159", 1, ("KOKUSEKI", "USA")),                               // 日本人住民 with 国籍・地域
        ]);
        VendorAFiles.WriteShien(_w.Source, "0000000019,1,4300401,,市民課");
        var result = await _w.RunAsync(RepoPaths.VendorAMapping, CliWorkspace.NoRejectThreshold);
        var db = new SqliteConnection($"Data Source={Path.Combine(_w.Work, "standard.db")};Pooling=False");
        await db.OpenAsync(TestContext.Current.CancellationToken);
        var rejects = File.ReadAllLines(Path.Combine(_w.Work, "rejects", "person.map.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        return (result, db, rejects);
    }

    private static object? Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<(string? Code, string? Item)> ReasonsOf(List<JsonElement> rejects, string atena) =>
        [.. rejects.Single(r => r.GetProperty("key").GetString() == $"atena_no={atena}, rireki_no=1").GetProperty("reasons").EnumerateArray()
            .Select(r => (r.GetProperty("code").GetString(), r.GetProperty("item").GetString()))];

    [Fact]
    public async Task Each_form_is_kept_or_rejected_as_the_standard_says()
    {
        var (result, db, rejects) = await RunAsync();
        await using var _ = db;

        result.ExitCode.ShouldBe(0, result.Error);
        Scalar(db, "SELECT seinengappi IS NULL FROM juki_person WHERE atena_no = '0000000027'").ShouldBe(1L);
        Scalar(db, "SELECT seinengappi_fusho FROM juki_person WHERE atena_no = '0000000027'").ShouldBe(1L);
        Scalar(db, "SELECT seinengappi_fusho_hyoki FROM juki_person WHERE atena_no = '0000000027'").ShouldBe("平成5年2月29日");
        Scalar(db, "SELECT seinengappi_fusho_hyoki FROM juki_person WHERE atena_no = '0000000035'").ShouldBe("昭和３０年頃");
        Scalar(db, "SELECT seinengappi_wareki FROM juki_person WHERE atena_no = '0000000035'").ShouldBe("昭和30年");

        Scalar(db, "SELECT seinengappi FROM juki_person WHERE atena_no = '0000000043'").ShouldBe("1912-07-30");
        Scalar(db, "SELECT seinengappi FROM juki_person WHERE atena_no = '0000000051'").ShouldBe("1912-07-30");
        Scalar(db, "SELECT seinengappi_wareki FROM juki_person WHERE atena_no = '0000000043'").ShouldBe("明治45年");
        Scalar(db, "SELECT seinengappi_wareki FROM juki_person WHERE atena_no = '0000000051'").ShouldBe("大正元年");

        Scalar(db, "SELECT zokugara FROM juki_person WHERE atena_no = '0000000086'").ShouldBe("96");
        Scalar(db, "SELECT ido_ymd IS NULL FROM juki_person WHERE atena_no = '0000000108'").ShouldBe(1L);
        Scalar(db, "SELECT ido_ymd_fusho_hyoki FROM juki_person WHERE atena_no = '0000000108'").ShouldBe("年月日不詳");
        Scalar(db, "SELECT hou30_45_kubun FROM juki_person WHERE atena_no = '0000000124'").ShouldBe("1");
        Scalar(db, "SELECT memo FROM juki_person WHERE atena_no = '0000000019'").ShouldBe("要介護認定あり");

        ReasonsOf(rejects, "0000000060").ShouldBe([("date.unknown-not-allowed", "todokede_ymd")]);
        ReasonsOf(rejects, "0000000078").ShouldBe([("date.era-out-of-range", "seinengappi")]);
        ReasonsOf(rejects, "0000000094").ShouldBe([("length.exact", "yubin_no")]);
        ReasonsOf(rejects, "0000000116").ShouldBe([("rule.forbidden", "ido_jiyu")]);
        ReasonsOf(rejects, "0000000132").ShouldBe([("pattern.mismatch", "zairyu_card_no")]);
        ReasonsOf(rejects, "0000000140").ShouldBe([("rule.required", "kokuseki")]);
        ReasonsOf(rejects, "0000000159").ShouldBe([("rule.forbidden", "kokuseki")]);
        rejects.Count.ShouldBe(7);
    }

    [Fact]
    public async Task The_report_counts_the_too_deep_relationship_and_no_longer_lists_memo_as_a_customization()
    {
        var (result, db, _) = await RunAsync();
        await db.DisposeAsync();

        result.ExitCode.ShouldBe(0, result.Error);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_w.Work, "report", "report.json"), TestContext.Current.CancellationToken));
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        findings["lossy/zokugara/chain-depth"].GetProperty("count").GetInt64().ShouldBe(1);
        findings.ShouldNotContainKey("custom-column/jumin/MEMO");
        findings.ShouldNotContainKey("missing-item/person/seinengappi_wareki");
    }

    [Fact]
    public async Task Characters_outside_JIS_load_and_are_listed_by_code_point_and_nationality_codes_follow_the_list()
    {
        Directory.CreateDirectory(_w.Source);
        VendorAFiles.WriteJumin(_w.Source,
        [
            VendorAFiles.Person("0000000019", 1, ("SHIMEI", "髙橋　一郎"), ("HITTOSHA", "髙橋　一郎")),  // 髙: CP932, MJ, not JIS X 0213
            VendorAFiles.Person("0000000027", 1, ("SHIMEI", "山﨑　花子")),                          // 﨑: in JIS X 0213
            Foreign("0000000035", ("KOKUSEKI", "XXA")),                                           // 無国籍 (ICAO)
            Foreign("0000000043", ("KOKUSEKI", "ZZZ")),                                           // no such code
            Foreign("0000000051", ("KOKUSEKI", "JPN")),                                           // a 外国人住民 is not Japanese
        ]);
        VendorAFiles.WriteShien(_w.Source);

        var result = await CliRunner.RunAsync(["run", "--mapping", RepoPaths.VendorAMapping, "--source", _w.Source, "--out", _w.Work, "--quiet", "--max-rejects", "100%"]);

        result.ExitCode.ShouldBe(0, result.Error);
        await using var db = new SqliteConnection($"Data Source={Path.Combine(_w.Work, "standard.db")};Pooling=False");
        await db.OpenAsync(TestContext.Current.CancellationToken);
        Scalar(db, "SELECT shimei FROM juki_person WHERE atena_no = '0000000019'").ShouldBe("\u9AD9橋　一郎");
        Scalar(db, "SELECT kokuseki FROM juki_person WHERE atena_no = '0000000035'").ShouldBe("XXA");
        var rejects = File.ReadAllLines(Path.Combine(_w.Work, "rejects", "person.map.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        ReasonsOf(rejects, "0000000043").ShouldBe([("code.not-in-standard-list", "kokuseki")]);
        ReasonsOf(rejects, "0000000051").ShouldBe([("code.not-in-standard-list", "kokuseki")]);
        rejects.Count.ShouldBe(2);

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_w.Work, "report", "report.json"), TestContext.Current.CancellationToken));
        var outside = report.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("category").GetString() == "outside-jis").ToList();
        outside.Select(f => f.GetProperty("id").GetString()).ShouldBe(["outside-jis/U+9AD9"], "﨑 is JIS X 0213; only 髙 is outside");
        outside[0].GetProperty("count").GetInt64().ShouldBe(2, "氏名 and 筆頭者 of the one record");
        outside[0].GetProperty("title").GetString()!.ShouldContain("「髙」（U+9AD9）");
        outside[0].GetProperty("item").GetString()!.ShouldContain("氏名（shimei）");
        // The report names the character, never the value it was found in.
        (await File.ReadAllTextAsync(Path.Combine(_w.Work, "report", "report.html"), TestContext.Current.CancellationToken)).ShouldNotContain("髙橋");
    }

    [Fact]
    public async Task An_unknown_support_end_date_is_a_reject_that_stops_the_run_not_a_null()
    {
        Directory.CreateDirectory(_w.Source);
        VendorAFiles.WriteJumin(_w.Source, [VendorAFiles.Person("0000000019", 1, ("SHIEN_FLG", "1"))]);
        VendorAFiles.WriteShien(_w.Source, "0000000019,1,4300401,4310000,市民課");            // 平成31年月日不詳

        var result = await CliRunner.RunAsync(["run", "--mapping", RepoPaths.VendorAMapping, "--source", _w.Source, "--out", _w.Work, "--quiet"]);

        result.ExitCode.ShouldBe(3);
        var reject = JsonDocument.Parse(File.ReadAllLines(Path.Combine(_w.Work, "rejects", "support.map.jsonl")).Single()).RootElement;
        var reason = reject.GetProperty("reasons")[0];
        reason.GetProperty("code").GetString().ShouldBe("date.unknown-not-allowed");
        reason.GetProperty("item").GetString().ShouldBe("shuryo_ymd");
    }
}
