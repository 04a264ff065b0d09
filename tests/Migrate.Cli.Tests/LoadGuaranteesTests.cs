using System.Text.Json.Nodes;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>verify, --max-rejects, load --resume and the PostgreSQL target, through the real command line.</summary>
public sealed class LoadGuaranteesTests : IDisposable
{
    private readonly CliWorkspace _w = new();

    public void Dispose() => _w.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The export below is mostly deliberate defects: the per-table reject threshold is off unless a test sets it.</summary>
    private Task<CliResult> RunAsync(params string[] extra) =>
        _w.RunAsync(RepoPaths.VendorAMapping, [.. extra.Contains("--max-rejects") ? [] : CliWorkspace.NoRejectThreshold, .. extra]);

    /// <summary>6 person records (3 load, 2 rejected, 1 filtered) and 1 support record: 2 of 7 records rejected.</summary>
    private void WriteExport()
    {
        Directory.CreateDirectory(_w.Source);
        VendorAFiles.WriteJumin(_w.Source,
        [
            VendorAFiles.Person("0000000019"),
            VendorAFiles.Person("0000000019", 2, ("IDO_JIYU", "C1"), ("IDO_YMD", "4100401"), ("TODOKEDE_YMD", "4100401")),
            VendorAFiles.Person("0000000027", 1, ("SHIMEI", "\uE000橋　花子"), ("SEIBETSU", "F"), ("SEINENGAPPI", "3500300")),
            VendorAFiles.Person("0000000035", 1, ("SEINENGAPPI", "3640201")),
            VendorAFiles.Person("0000000043", 1, ("ZOKUGARA", "77")),
            VendorAFiles.Person("9990000011", 1),
        ]);
        VendorAFiles.WriteShien(_w.Source, "0000000019,1,4300401,,市民課");
    }

    [Fact]
    public async Task Verify_passes_after_a_run_and_fails_naming_the_table_when_one_row_is_corrupted()
    {
        WriteExport();
        (await RunAsync()).ExitCode.ShouldBe(0);

        var ok = await CliRunner.RunAsync("verify", "--out", _w.Work, "--json");
        ok.ExitCode.ShouldBe(0, ok.Error);
        var json = JsonNode.Parse(ok.Out)!;
        json["ok"]!.GetValue<bool>().ShouldBeTrue();
        json["tables"]![0]!["target_rows"]!.GetValue<long>().ShouldBe(3);
        json["tables"]![0]!["target_checksum"]!.GetValue<string>().ShouldBe(json["tables"]![0]!["mapped_checksum"]!.GetValue<string>());

        await _w.SqliteExecuteAsync("UPDATE juki_person SET yubin_no = '1000002' WHERE atena_no = '0000000027'");

        var bad = await CliRunner.RunAsync("verify", "--out", _w.Work);
        bad.ExitCode.ShouldBe(3);
        bad.Error.ShouldContain("MISMATCH person");
        bad.Error.ShouldContain("person: 3 rows in both, but their contents differ");
        bad.Error.ShouldNotContain("MISMATCH support");
    }

    [Fact]
    public async Task Verify_fails_when_a_row_is_missing_from_the_target_and_the_source_no_longer_balances()
    {
        WriteExport();
        (await RunAsync()).ExitCode.ShouldBe(0);
        await _w.SqliteExecuteAsync("DELETE FROM juki_support");

        var bad = await CliRunner.RunAsync("verify", "--out", _w.Work);

        bad.ExitCode.ShouldBe(3);
        bad.Error.ShouldContain("support: the target holds 0 rows, the mapped file has 1");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("20%")]
    public async Task More_rejects_than_max_rejects_fail_the_run_before_anything_is_loaded(string threshold)
    {
        WriteExport();

        var result = await RunAsync("--max-rejects", threshold);

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain($"person: 2 of 6 records were rejected (33.33%), more than --max-rejects {threshold} allows");
        result.Error.ShouldContain("nothing was loaded");
        File.Exists(_w.Database).ShouldBeFalse();
        File.Exists(Path.Combine(_w.Work, "report", "report.json")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("2")]
    [InlineData("34%")]
    public async Task Rejects_within_max_rejects_load(string threshold)
    {
        WriteExport();

        var result = await RunAsync("--max-rejects", threshold);

        result.ExitCode.ShouldBe(0, result.Error);
        (await _w.SqliteCountAsync("SELECT COUNT(*) FROM juki_person")).ShouldBe(3);
    }

    [Fact]
    public async Task A_bad_max_rejects_is_a_usage_error()
    {
        WriteExport();
        (await RunAsync("--max-rejects", "lots")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Resume_records_a_load_that_committed_before_the_process_died_without_duplicating()
    {
        WriteExport();
        (await RunAsync()).ExitCode.ShouldBe(0);
        // As if killed after the commit but before the manifest was written.
        _w.EditManifest(m =>
        {
            m.Remove("load");
            m.Remove("reconciliation");
            m["pending_load"] = new JsonObject { ["target"] = "sqlite:" + _w.Database, ["replace"] = false, ["started_at"] = "2026-01-01T00:00:00+00:00" };
        });

        var plain = await CliRunner.RunAsync("load", "--out", _w.Work, "--max-rejects", "100%", "--quiet");
        plain.ExitCode.ShouldBe(3);
        var resumed = await CliRunner.RunAsync("load", "--out", _w.Work, "--max-rejects", "100%", "--resume");

        resumed.ExitCode.ShouldBe(0, resumed.Error);
        resumed.Error.ShouldContain("already holds every mapped row");
        (await _w.SqliteCountAsync("SELECT COUNT(*) FROM juki_person")).ShouldBe(3);
        var manifest = JsonNode.Parse(File.ReadAllText(_w.ManifestPath))!;
        manifest["pending_load"].ShouldBeNull();
        manifest["reconciliation"]!["balanced"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Resume_reloads_when_the_killed_load_never_committed_and_keeps_its_replace()
    {
        WriteExport();
        (await RunAsync()).ExitCode.ShouldBe(0);
        await _w.SqliteExecuteAsync("DELETE FROM juki_person WHERE atena_no = '0000000027'");
        // A --replace load was killed before its commit: the target still holds the old (here: damaged) rows.
        _w.EditManifest(m => m["pending_load"] = new JsonObject { ["target"] = "sqlite:" + _w.Database, ["replace"] = true, ["started_at"] = "2026-01-01T00:00:00+00:00" });

        var resumed = await CliRunner.RunAsync("load", "--out", _w.Work, "--max-rejects", "100%", "--resume", "--quiet");

        resumed.ExitCode.ShouldBe(0, resumed.Error);
        (await _w.SqliteCountAsync("SELECT COUNT(*) FROM juki_person")).ShouldBe(3);
        (await CliRunner.RunAsync("verify", "--out", _w.Work, "--quiet")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Resume_after_a_finished_load_changes_nothing()
    {
        WriteExport();
        (await RunAsync()).ExitCode.ShouldBe(0);
        var before = await File.ReadAllTextAsync(_w.ManifestPath, Ct);

        var resumed = await CliRunner.RunAsync("load", "--out", _w.Work, "--max-rejects", "100%", "--resume");

        resumed.ExitCode.ShouldBe(0, resumed.Error);
        (await File.ReadAllTextAsync(_w.ManifestPath, Ct)).ShouldBe(before);
        (await _w.SqliteCountAsync("SELECT COUNT(*) FROM juki_person")).ShouldBe(3);
    }

    [Fact]
    public async Task Postgres_run_loads_verifies_refuses_a_second_load_and_never_shows_the_connection_string()
    {
        await using var pg = await PostgresSchema.CreateAsync();
        WriteExport();

        var run = await CliRunner.RunAsync(pg.Environment, "run", "--mapping", RepoPaths.VendorAMapping, "--source", _w.Source, "--out", _w.Work, "--target", pg.Target, "--json", "--max-rejects", "100%");

        run.ExitCode.ShouldBe(0, run.Error);
        Convert.ToInt64(await pg.ScalarAsync("SELECT COUNT(*) FROM juki_person"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(3);
        (await pg.ScalarAsync("SELECT shimei FROM juki_person WHERE atena_no = '0000000027'")).ShouldBe("髙橋　花子");
        (await CliRunner.RunAsync(pg.Environment, "verify", "--out", _w.Work, "--target", pg.Target)).ExitCode.ShouldBe(0);

        var again = await CliRunner.RunAsync(pg.Environment, "load", "--out", _w.Work, "--max-rejects", "100%", "--target", pg.Target);
        again.ExitCode.ShouldBe(3);
        again.Error.ShouldContain("--replace");
        (await CliRunner.RunAsync(pg.Environment, "load", "--out", _w.Work, "--max-rejects", "100%", "--target", pg.Target, "--replace", "--quiet")).ExitCode.ShouldBe(0);
        Convert.ToInt64(await pg.ScalarAsync("SELECT COUNT(*) FROM juki_person"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(3);

        await pg.ScalarAsync("UPDATE juki_support SET shien_kubun = '2'");
        var bad = await CliRunner.RunAsync(pg.Environment, "verify", "--out", _w.Work, "--target", pg.Target);
        bad.ExitCode.ShouldBe(3);
        bad.Error.ShouldContain("support: 1 rows in both, but their contents differ");

        var manifest = await File.ReadAllTextAsync(_w.ManifestPath, Ct);
        foreach (var text in new[] { run.Out, run.Error, again.Error, bad.Error, manifest })
        {
            text.ShouldNotContain("s3cret");
            text.ShouldNotContain("Host=");
        }
        manifest.ShouldContain("postgres:(connection string hidden)");
    }

    [Theory]
    [InlineData("postgres", "\"seinengappi\" date,")]
    [InlineData("sqlserver", "[shimei] NVARCHAR(400) NOT NULL,")]
    public async Task Standard_ddl_prints_each_dialect(string dialect, string expected)
    {
        var result = await CliRunner.RunAsync("standard", "ddl", "juki", "--dialect", dialect, "--root", RepoPaths.Mappings);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain(expected);
        result.Out.ShouldContain($"dialect {dialect}");
    }
}
