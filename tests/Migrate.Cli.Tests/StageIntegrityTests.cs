using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>
/// Integrity between stages on the vendor-a sample: <c>map</c> and <c>load</c> refuse a staging or
/// mapped file that is not the one the manifest records, and <c>verify</c> catches a damaged rejects
/// file or manifest count.
/// </summary>
public sealed class StageIntegrityTests : IDisposable
{
    private readonly CliWorkspace _w = new();

    public void Dispose() => _w.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task SampleAsync(string vendor = "vendor-a") => _w.SampleAsync(vendor);

    private static void ShouldSucceed(CliResult run) => run.ExitCode.ShouldBe(0, run.Error);

    private async Task RunAsync(string mapping, params string[] extra) => ShouldSucceed(await _w.RunAsync(mapping, extra));

    private Task RunVendorAAsync(params string[] extra) => RunAsync(RepoPaths.VendorAMapping, extra);

    private static void KeepLines(string path, Func<int, int> keep)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        File.WriteAllLines(path, lines.Take(keep(lines.Length)), new UTF8Encoding(false));
    }

    private static void Truncate(string path, double fraction)
    {
        using var file = new FileStream(path, FileMode.Open);
        file.SetLength((long)(file.Length * fraction));
    }

    /// <summary>Replaces the first occurrence of <paramref name="from"/> on the line after the header with text of the same shape.</summary>
    private static void EditSecondLine(string path, string from, string to)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        lines[1].ShouldContain(from);
        var at = lines[1].IndexOf(from, StringComparison.Ordinal);
        lines[1] = lines[1][..at] + to + lines[1][(at + from.Length)..];
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
    }

    // --- map ---

    [Theory]
    [InlineData("lines")]
    [InlineData("bytes")]
    public async Task Map_refuses_a_staging_file_truncated_after_extract_naming_it_and_leaves_the_manifest_as_it_was(string how)
    {
        await SampleAsync();
        (await CliRunner.RunAsync("extract", "--mapping", RepoPaths.VendorAMapping, "--source", _w.Source, "--out", _w.Work, "--quiet")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("map", "--mapping", RepoPaths.VendorAMapping, "--out", _w.Work, "--quiet")).ExitCode.ShouldBe(0);
        var before = await File.ReadAllBytesAsync(_w.ManifestPath, Ct);
        if (how == "lines") KeepLines(_w.Staged("jumin"), n => n / 2);
        else Truncate(_w.Staged("jumin"), 0.5);

        var map = await CliRunner.RunAsync("map", "--mapping", RepoPaths.VendorAMapping, "--out", _w.Work);

        map.ExitCode.ShouldBe(3);
        map.Error.ShouldContain(_w.Staged("jumin"));
        map.Error.ShouldContain("run 'migrate extract' again");
        (await File.ReadAllBytesAsync(_w.ManifestPath, Ct)).ShouldBeSameBytes(before);
    }

    [Fact]
    public async Task Map_refuses_a_staging_file_whose_records_are_all_there_but_a_value_was_edited()
    {
        await SampleAsync();
        await RunVendorAAsync();
        var before = await File.ReadAllBytesAsync(_w.ManifestPath, Ct);
        EditSecondLine(_w.Staged("jumin"), "0000000019", "0000000020");

        var map = await CliRunner.RunAsync("map", "--mapping", RepoPaths.VendorAMapping, "--out", _w.Work);

        map.ExitCode.ShouldBe(3);
        map.Error.ShouldContain($"{_w.Staged("jumin")}: its SHA-256");
        map.Error.ShouldContain("is not the one the manifest records from 'migrate extract'");
        (await File.ReadAllBytesAsync(_w.ManifestPath, Ct)).ShouldBeSameBytes(before);
    }

    [Fact]
    public async Task Map_checks_a_joined_source_s_staging_file_too()
    {
        var mapping = RepoPaths.VendorMapping("vendor-b");
        await SampleAsync("vendor-b");
        await RunAsync(mapping);
        (await CliRunner.RunAsync("map", "--mapping", mapping, "--out", _w.Work, "--quiet")).ExitCode.ShouldBe(0);
        var before = await File.ReadAllBytesAsync(_w.ManifestPath, Ct);
        KeepLines(_w.Staged("kojin"), n => n - 1);

        var map = await CliRunner.RunAsync("map", "--mapping", mapping, "--out", _w.Work);

        map.ExitCode.ShouldBe(3);
        map.Error.ShouldContain($"{_w.Staged("kojin")}: the file holds");
        (await File.ReadAllBytesAsync(_w.ManifestPath, Ct)).ShouldBeSameBytes(before);
        var joins = Path.Combine(_w.Work, "joins");
        (Directory.Exists(joins) ? Directory.GetFiles(joins) : []).ShouldBeEmpty();
    }

    // --- load ---

    [Theory]
    [InlineData("edited")]
    [InlineData("truncated")]
    public async Task Load_refuses_a_mapped_file_changed_after_map_and_leaves_the_target_as_it_was(string how)
    {
        await SampleAsync();
        await RunVendorAAsync();
        var persons = await _w.SqliteCountAsync("SELECT COUNT(*) FROM juki_person");
        if (how == "edited") EditSecondLine(_w.Mapped("person"), "東京都", "大阪府");
        else KeepLines(_w.Mapped("person"), n => n - 10);

        var load = await CliRunner.RunAsync("load", "--out", _w.Work, "--replace");

        load.ExitCode.ShouldBe(3);
        load.Error.ShouldContain(_w.Mapped("person"));
        load.Error.ShouldContain(how == "edited" ? "its SHA-256" : $"records where the manifest records {persons.ToString("N0", CultureInfo.InvariantCulture)} from 'migrate map'");
        (await _w.SqliteCountAsync("SELECT COUNT(*) FROM juki_person")).ShouldBe(persons);
        (await _w.SqliteCountAsync("SELECT COUNT(*) FROM juki_person WHERE jusho LIKE '大阪府%'")).ShouldBe(0);
    }

    [Fact]
    public async Task Load_into_a_new_target_refuses_an_edited_mapped_file_and_creates_nothing()
    {
        await SampleAsync();
        (await CliRunner.RunAsync("extract", "--mapping", RepoPaths.VendorAMapping, "--source", _w.Source, "--out", _w.Work, "--quiet")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("map", "--mapping", RepoPaths.VendorAMapping, "--out", _w.Work, "--quiet")).ExitCode.ShouldBe(0);
        EditSecondLine(_w.Mapped("support"), ",1,", ",2,");

        var load = await CliRunner.RunAsync("load", "--out", _w.Work);

        load.ExitCode.ShouldBe(3);
        load.Error.ShouldContain($"{_w.Mapped("support")}: its SHA-256");
        File.Exists(_w.Database).ShouldBeFalse();
    }

    [Fact]
    public async Task Postgres_load_refuses_an_edited_mapped_file_before_commit()
    {
        await using var pg = await PostgresSchema.CreateAsync();
        await SampleAsync();
        ShouldSucceed(await _w.RunAsync(pg.Environment, RepoPaths.VendorAMapping, "--target", pg.Target));
        var persons = Convert.ToInt64(await pg.ScalarAsync("SELECT COUNT(*) FROM juki_person"), CultureInfo.InvariantCulture);
        EditSecondLine(_w.Mapped("person"), "東京都", "大阪府");

        var load = await CliRunner.RunAsync(pg.Environment, "load", "--out", _w.Work, "--target", pg.Target, "--replace");

        load.ExitCode.ShouldBe(3);
        load.Error.ShouldContain($"{_w.Mapped("person")}: its SHA-256");
        Convert.ToInt64(await pg.ScalarAsync("SELECT COUNT(*) FROM juki_person"), CultureInfo.InvariantCulture).ShouldBe(persons);
        Convert.ToInt64(await pg.ScalarAsync("SELECT COUNT(*) FROM juki_person WHERE jusho LIKE '大阪府%'"), CultureInfo.InvariantCulture).ShouldBe(0);
    }

    // --- verify ---

    [Fact]
    public async Task The_manifest_records_each_rejects_file_as_written_and_verify_passes()
    {
        await SampleAsync();
        await RunVendorAAsync();

        var sources = _w.Manifest()["extract"]!["sources"]!.AsArray();
        var tables = _w.Manifest()["map"]!["tables"]!.AsArray();
        foreach (var entry in sources.Concat(tables))
        {
            var rejects = entry!["rejects"]!;
            var path = Path.Combine(_w.Work, rejects["file"]!.GetValue<string>());
            rejects["records"]!.GetValue<long>().ShouldBe(entry["rejected"]!.GetValue<long>());
            rejects["records"]!.GetValue<long>().ShouldBe(File.ReadAllLines(path).Length);
            rejects["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, Ct))));
        }
        tables[0]!["rejects"]!["file"]!.GetValue<string>().ShouldBe("rejects/person.map.jsonl");
        tables[0]!["rejects"]!["records"]!.GetValue<long>().ShouldBeGreaterThan(0);

        var verify = await CliRunner.RunAsync("verify", "--out", _w.Work);
        verify.ExitCode.ShouldBe(0, verify.Error);
        verify.Error.ShouldContain("ok rejects/person.map.jsonl");
    }

    [Fact]
    public async Task Verify_fails_naming_a_rejects_file_truncated_after_the_run()
    {
        await SampleAsync();
        await RunVendorAAsync();
        var rejects = Path.Combine(_w.Work, "rejects", "person.map.jsonl");
        var recorded = File.ReadAllLines(rejects).Length;
        KeepLines(rejects, n => n - 1);

        var verify = await CliRunner.RunAsync("verify", "--out", _w.Work);

        verify.ExitCode.ShouldBe(3);
        verify.Error.ShouldContain($"rejects/person.map.jsonl: the rejects file holds {recorded - 1} records, the manifest records {recorded}");
    }

    [Fact]
    public async Task Verify_fails_when_a_rejects_file_is_edited_or_removed()
    {
        await SampleAsync();
        await RunVendorAAsync();
        var rejects = Path.Combine(_w.Work, "rejects", "person.map.jsonl");
        EditSecondLine(rejects, "\"stage\":\"map\"", "\"stage\":\"MAP\"");

        var edited = await CliRunner.RunAsync("verify", "--out", _w.Work);
        File.Delete(rejects);
        var removed = await CliRunner.RunAsync("verify", "--out", _w.Work);

        edited.ExitCode.ShouldBe(3);
        edited.Error.ShouldContain("rejects/person.map.jsonl: the rejects file's SHA-256 differs");
        removed.ExitCode.ShouldBe(3);
        removed.Error.ShouldContain("rejects/person.map.jsonl: the rejects file is missing");
    }

    [Theory]
    [InlineData("extract.sources.0.records", "extract source 'jumin': records")]
    [InlineData("extract.sources.0.rejects.records", "extract source 'jumin': rejected 0 ≠ 1 records recorded for rejects/jumin.extract.jsonl")]
    [InlineData("map.tables.0.mapped", "map table 'person': read")]
    [InlineData("map.tables.0.rejected", "map table 'person': read")]
    [InlineData("map.tables.1.read", "map table 'support': read 2 ≠ mapped 1")]
    [InlineData("load.tables.0.loaded", "load table 'person': loaded")]
    [InlineData("reconciliation.tables.1.filtered", "reconciliation table 'support': read 1, loaded 1, rejected 0, filtered 1, balanced true where the stage counts give read 1, loaded 1, rejected 0, filtered 0")]
    public async Task Verify_fails_naming_the_count_when_a_manifest_count_was_edited(string count, string message)
    {
        await SampleAsync();
        await RunVendorAAsync();
        (await CliRunner.RunAsync("verify", "--out", _w.Work, "--quiet")).ExitCode.ShouldBe(0);
        _w.EditManifest(m =>
        {
            var path = count.Split('.');
            JsonNode node = m;
            foreach (var step in path[..^1]) node = int.TryParse(step, out var i) ? node[i]! : node[step]!;
            node[path[^1]] = node[path[^1]]!.GetValue<long>() + 1;
        });

        var verify = await CliRunner.RunAsync("verify", "--out", _w.Work);

        verify.ExitCode.ShouldBe(3);
        verify.Error.ShouldContain("manifest.json: the counts do not add up");
        verify.Error.ShouldContain(message);
    }

    [Fact]
    public async Task A_manifest_of_an_older_migrate_without_rejects_records_still_reads_and_verifies()
    {
        await SampleAsync();
        await RunVendorAAsync();
        _w.EditManifest(m =>
        {
            foreach (var entry in m["extract"]!["sources"]!.AsArray().Concat(m["map"]!["tables"]!.AsArray())) entry!.AsObject().Remove("rejects");
        });

        var verify = await CliRunner.RunAsync("verify", "--out", _w.Work);
        var load = await CliRunner.RunAsync("load", "--out", _w.Work, "--replace", "--quiet");

        verify.ExitCode.ShouldBe(0, verify.Error);
        verify.Error.ShouldNotContain("rejects/");
        load.ExitCode.ShouldBe(0, load.Error);
    }
}
