using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>
/// 支援措置 integrity and the outcome rules through the real command line on small CP932 exports:
/// a run that would lose a protected person, load nothing or reject too much exits 3 and leaves
/// the target untouched; an acknowledged case loads and is recorded.
/// </summary>
public sealed class CriticalIntegrityTests : IDisposable
{
    private const string Protected = "0000000019";
    private readonly CliWorkspace _w = new();

    public void Dispose() => _w.Dispose();

    private Task<CliResult> RunAsync(params string[] extra) => _w.RunAsync(RepoPaths.VendorAMapping, extra);

    /// <summary>Twenty ordinary residents after the given rows, so one lost record stays under the 5% threshold.</summary>
    private void WriteJumin(params Dictionary<string, string>[] rows)
    {
        Directory.CreateDirectory(_w.Source);
        var ordinary = Enumerable.Range(1, 20).Select(i => VendorAFiles.Person($"10000{i:D5}"));
        VendorAFiles.WriteJumin(_w.Source, [.. rows, .. ordinary]);
    }

    private static void ShouldRefuse(CliResult result, string location)
    {
        result.ExitCode.ShouldBe(3, result.Error);
        result.Error.ShouldContain("nothing was loaded");
        result.Error.ShouldContain(location);
        // No personal value of the protected person reaches the console.
        result.Error.ShouldNotContain("山田");
        result.Error.ShouldNotContain("123456789018");
    }

    private bool TargetHasRows()
    {
        if (!File.Exists(_w.Database)) return false;
        using var db = new SqliteConnection($"Data Source={_w.Database};Pooling=False;Mode=ReadOnly");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'juki_person'";
        if ((long)command.ExecuteScalar()! == 0) return false;
        command.CommandText = "SELECT (SELECT COUNT(*) FROM juki_person) + (SELECT COUNT(*) FROM juki_support)";
        return (long)command.ExecuteScalar()! > 0;
    }

    [Fact]
    public async Task A_flagged_person_rejected_at_extract_fails_the_run()
    {
        WriteJumin(VendorAFiles.Person(Protected, 1, ("SHIEN_FLG", "1")));
        VendorAFiles.WriteShien(_w.Source, $"{Protected},1,4300401,,市民課");
        // The same person's second history row holds a byte CP932 does not assign: rejected at extract.
        var bad = Cp932.Strict.GetBytes(VendorAFiles.Line(VendorAFiles.JuminColumns, VendorAFiles.Person(Protected, 2, ("SHIEN_FLG", "1"))));
        var at = Array.IndexOf(bad, (byte)0x8E);
        bad[at] = 0x80;
        VendorAFiles.AppendBytes(Path.Combine(_w.Source, "JUMIN.CSV"), bad);

        var result = await RunAsync();

        ShouldRefuse(result, "JUMIN.CSV:23");
        TargetHasRows().ShouldBeFalse();
    }

    [Fact]
    public async Task A_person_named_only_by_the_support_file_and_rejected_at_map_fails_the_run()
    {
        // Not flagged in JUMIN.CSV, but SHIEN.CSV names them; a bad 個人番号 check digit rejects the record.
        WriteJumin(VendorAFiles.Person(Protected, 1, ("KOJIN_NO", "123456789010")));
        VendorAFiles.WriteShien(_w.Source, $"{Protected},1,4300401,,市民課");

        ShouldRefuse(await RunAsync(), "JUMIN.CSV:2");
        TargetHasRows().ShouldBeFalse();
    }

    [Fact]
    public async Task A_support_row_for_a_person_who_does_not_exist_fails_the_run_and_can_be_acknowledged()
    {
        WriteJumin();
        VendorAFiles.WriteShien(_w.Source, "9000000001,1,4300401,,市民課");

        var refused = await RunAsync();
        ShouldRefuse(refused, "SHIEN.CSV:2");
        refused.Error.ShouldContain("no resident record has");
        TargetHasRows().ShouldBeFalse();

        var accepted = await RunAsync("--replace", "--accept-critical-reject", "SHIEN.CSV:2");
        accepted.ExitCode.ShouldBe(0, accepted.Error);
        TargetHasRows().ShouldBeTrue();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(_w.Work, "manifest.json")))!;
        var recorded = manifest["accepted_critical_rejects"]!.AsArray();
        recorded.Count.ShouldBe(1);
        recorded[0]!["file"]!.GetValue<string>().ShouldBe("SHIEN.CSV");
        recorded[0]!["line"]!.GetValue<long>().ShouldBe(2);
        File.ReadAllText(Path.Combine(_w.Work, "report", "report.md")).ShouldContain("SHIEN.CSV:2");
    }

    [Fact]
    public async Task An_acknowledgement_that_matches_nothing_is_a_usage_error()
    {
        WriteJumin();
        VendorAFiles.WriteShien(_w.Source, "9000000001,1,4300401,,市民課");

        var result = await RunAsync("--accept-critical-reject", "SHIEN.CSV:3");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("SHIEN.CSV:2");
    }

    [Fact]
    public async Task A_rejected_record_whose_person_number_cannot_be_read_fails_while_support_data_is_mapped()
    {
        WriteJumin();
        VendorAFiles.WriteShien(_w.Source, "1000000001,1,4300401,,市民課");
        var bad = Cp932.Strict.GetBytes(VendorAFiles.Line(VendorAFiles.JuminColumns, VendorAFiles.Person("0000000035")));
        bad[3] = 0x80; // inside 宛名番号
        VendorAFiles.AppendBytes(Path.Combine(_w.Source, "JUMIN.CSV"), bad);

        var result = await RunAsync();

        ShouldRefuse(result, "JUMIN.CSV:22");
        result.Error.ShouldContain("cannot be read");
    }

    [Fact]
    public async Task A_filtered_record_of_a_protected_person_fails_the_run()
    {
        // vendor-a's mapping filters 宛名番号 999… (test persons); this one is flagged.
        WriteJumin(VendorAFiles.Person("9990000011", 1, ("SHIEN_FLG", "1")));
        VendorAFiles.WriteShien(_w.Source);

        ShouldRefuse(await RunAsync(), "JUMIN.CSV:2");
    }

    [Fact]
    public async Task Rejects_over_the_default_threshold_fail_and_100_percent_turns_the_rule_off()
    {
        Directory.CreateDirectory(_w.Source);
        VendorAFiles.WriteJumin(_w.Source,
        [
            VendorAFiles.Person("0000000019"),
            VendorAFiles.Person("0000000027", 1, ("ZOKUGARA", "77")),
            VendorAFiles.Person("0000000035"),
        ]);
        VendorAFiles.WriteShien(_w.Source);

        var refused = await RunAsync();
        refused.ExitCode.ShouldBe(3, refused.Error);
        refused.Error.ShouldContain("person: 1 of 3 records were rejected (33.33%), more than --max-rejects 5% allows");
        File.Exists(_w.Database).ShouldBeFalse();

        var allowed = await RunAsync("--max-rejects", "100%");
        allowed.ExitCode.ShouldBe(0, allowed.Error);
    }

    [Fact]
    public async Task A_table_that_would_load_nothing_fails_even_with_the_threshold_off()
    {
        Directory.CreateDirectory(_w.Source);
        VendorAFiles.WriteJumin(_w.Source, [VendorAFiles.Person("0000000019", 1, ("ZOKUGARA", "77")), VendorAFiles.Person("0000000027", 1, ("ZOKUGARA", "77"))]);
        VendorAFiles.WriteShien(_w.Source);

        var result = await RunAsync("--max-rejects", "100%");

        result.ExitCode.ShouldBe(3, result.Error);
        result.Error.ShouldContain("person: none of its 2 records would be loaded");
        File.Exists(_w.Database).ShouldBeFalse();
    }

    [Fact]
    public async Task An_export_without_residents_fails()
    {
        Directory.CreateDirectory(_w.Source);
        VendorAFiles.WriteJumin(_w.Source, []);
        VendorAFiles.WriteShien(_w.Source);

        var result = await RunAsync();

        result.ExitCode.ShouldBe(3, result.Error);
        result.Error.ShouldContain("has no records");
    }

    [Fact]
    public async Task A_separate_load_refuses_the_same_way_and_a_postgres_target_stays_empty()
    {
        await using var pg = await PostgresSchema.CreateAsync();
        WriteJumin(VendorAFiles.Person(Protected, 1, ("KOJIN_NO", "123456789010")));
        VendorAFiles.WriteShien(_w.Source, $"{Protected},1,4300401,,市民課");
        (await CliRunner.RunAsync("extract", "--mapping", RepoPaths.VendorAMapping, "--source", _w.Source, "--out", _w.Work, "--quiet")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("map", "--mapping", RepoPaths.VendorAMapping, "--out", _w.Work, "--quiet")).ExitCode.ShouldBe(0);

        var load = await CliRunner.RunAsync(pg.Environment, "load", "--mapping", RepoPaths.VendorAMapping, "--out", _w.Work, "--target", pg.Target, "--quiet");

        ShouldRefuse(load, "JUMIN.CSV:2");
        (await pg.ScalarAsync($"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '{pg.Name}' AND table_name = 'juki_person'")).ShouldBe(0L);

        var run = await CliRunner.RunAsync(pg.Environment, "run", "--mapping", RepoPaths.VendorAMapping, "--source", _w.Source, "--out", _w.Combine("work2"), "--target", pg.Target, "--quiet");
        ShouldRefuse(run, "JUMIN.CSV:2");
        (await pg.ScalarAsync($"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '{pg.Name}' AND table_name = 'juki_person'")).ShouldBe(0L);
    }

    [Fact]
    public async Task Check_with_the_source_predicts_the_refusal_and_reports_an_empty_support_file()
    {
        WriteJumin();
        VendorAFiles.WriteShien(_w.Source, "9000000001,1,4300401,,市民課");
        var refused = await CliRunner.RunAsync("check", "--mapping", RepoPaths.VendorAMapping, "--source", _w.Source);
        refused.ExitCode.ShouldBe(2, refused.Out + refused.Error);
        (refused.Out + refused.Error).ShouldContain("run would refuse");
        (refused.Out + refused.Error).ShouldContain("SHIEN.CSV:2");

        VendorAFiles.WriteShien(_w.Source);
        var ok = await CliRunner.RunAsync("check", "--mapping", RepoPaths.VendorAMapping, "--source", _w.Source);
        ok.ExitCode.ShouldBe(0, ok.Out + ok.Error);
        (ok.Out + ok.Error).ShouldContain("has no records");
    }
}
