using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Migrate.Cli.Tests.Support;
using Migrate.Samples;

namespace Migrate.Cli.Tests;

/// <summary>
/// format: database sources read from a real SQLite file: values rendered canonically into the
/// staging file, column mismatches reported at their mapping line, connections never shown.
/// </summary>
public sealed class DatabaseSourceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Standard => RepoPaths.Standard();

    /// <summary>A legacy table of support measures with every kind of value a driver hands over.</summary>
    private async Task<string> LegacyDatabaseAsync(params string[] extraColumns)
    {
        var path = _temp.Combine("legacy.db");
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        var extra = string.Concat(extraColumns.Select(c => $", {c} TEXT"));
        command.CommandText = $"""
            CREATE TABLE shien (shien_id INTEGER PRIMARY KEY, atena_no TEXT, kubun INTEGER, kaishi DATE, shuryo DATE, ritsu REAL, photo BLOB{extra});
            INSERT INTO shien (shien_id, atena_no, kubun, kaishi, shuryo, ritsu, photo) VALUES
              (3, '0000000019', 2, '2020-04-01', NULL, 1e20, NULL),
              (1, '0000000027', 1, '2019-01-31', '2021-03-31', 0.5, NULL),
              (2, '0000000035', 3, '2018-12-01', NULL, -2.25, x'00FF');
            CREATE TABLE bikou (id INTEGER PRIMARY KEY, memo TEXT);
            """;
        await command.ExecuteNonQueryAsync(Ct);
        return path;
    }

    private string WriteMapping(string columns)
    {
        var path = _temp.Combine("mapping.yaml");
        File.WriteAllText(path, $"""
            mapping_version: 1
            vendor: test
            standard: juki
            standard_version: "1.0"
            sources:
              shien:
                format: database
                table: shien
                order_by: [shien_id]
                columns:
            {columns}
            code_tables:
              shien_kubun:
                values: {"{"} "1": "1", "2": "2", "3": "3" {"}"}
            tables:
              support:
                from: shien
                items:
                  atena_no: atena_no
                  shien_kubun: {"{"} from: kubun, do: [{"{"} code: shien_kubun {"}"}] {"}"}
                  kaishi_ymd: {"{"} from: kaishi, do: [{"{"} date: yyyy-MM-dd {"}"}] {"}"}
                  shuryo_ymd: {"{"} from: shuryo, do: [{"{"} date: yyyy-MM-dd {"}"}] {"}"}

            """);
        return path;
    }

    private static string Columns(params string[] names) => string.Join("\n", names.Select(n => "      - " + n));

    private static readonly string[] AllColumns = ["shien_id", "atena_no", "kubun", "kaishi", "shuryo", "ritsu", "photo"];

    [Fact]
    public async Task A_table_is_streamed_in_order_with_canonical_values_and_binary_values_are_rejected()
    {
        var database = await LegacyDatabaseAsync();
        var mapping = WriteMapping(Columns(AllColumns));
        var work = _temp.Combine("work");

        var result = await CliRunner.RunAsync("extract", "--mapping", mapping, "--standard", Standard, "--source-connection", "sqlite:" + database, "--out", work, "--quiet");

        result.ExitCode.ShouldBe(0, result.Error);
        var staged = await File.ReadAllLinesAsync(Path.Combine(work, "staging", "shien.csv"), Ct);
        staged[0].ShouldBe("_line,_offset," + string.Join(",", AllColumns));
        // order_by shien_id, whatever the insertion order; row 2 (a BLOB) is rejected. NULL → empty,
        // REAL without exponent, dates as stored (ISO), integers invariant; _offset is 0.
        staged.Skip(1).ShouldBe(
        [
            "1,0,1,0000000027,1,2019-01-31,2021-03-31,0.5,",
            "3,0,3,0000000019,2,2020-04-01,,100000000000000000000,",
        ]);
        var reject = JsonDocument.Parse((await File.ReadAllLinesAsync(Path.Combine(work, "rejects", "shien.extract.jsonl"), Ct)).Single()).RootElement;
        reject.GetProperty("line").GetInt64().ShouldBe(2);
        reject.GetProperty("reasons")[0].GetProperty("code").GetString().ShouldBe("database.binary");
        reject.GetProperty("reasons")[0].GetProperty("column").GetString().ShouldBe("photo");

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "manifest.json"), Ct));
        var extract = manifest.RootElement.GetProperty("extract");
        var source = extract.GetProperty("sources")[0];
        source.GetProperty("records").GetInt64().ShouldBe(3);
        source.GetProperty("staged").GetInt64().ShouldBe(2);
        source.GetProperty("database").GetProperty("driver").GetString().ShouldBe("sqlite");
        source.GetProperty("database").GetProperty("table").GetString().ShouldBe("shien");
        source.GetProperty("database").GetProperty("query_sha256").GetString()!.Length.ShouldBe(64);
        extract.GetProperty("unlisted_tables").EnumerateArray().Select(t => t.GetString()).ShouldBe(["bikou"]);
    }

    [Fact]
    public async Task A_column_missing_from_the_table_is_an_error_at_its_line_in_the_mapping()
    {
        var database = await LegacyDatabaseAsync();
        var mapping = WriteMapping(Columns([.. AllColumns.Select(c => c == "ritsu" ? "ritu" : c)]));
        var lines = await File.ReadAllLinesAsync(mapping, Ct);
        var line = Array.FindIndex(lines, l => l.TrimEnd().EndsWith("- ritu", StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf("ritu", StringComparison.Ordinal) + 1;

        var result = await CliRunner.RunAsync("run", "--mapping", mapping, "--standard", Standard, "--source-connection", "sqlite:" + database, "--out", _temp.Combine("work"), "--quiet");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"mapping.yaml:{line}:{column}: "));
        result.Error.ShouldContain("no column 'ritu'");
        result.Error.ShouldContain("did you mean 'ritsu'");
    }

    [Fact]
    public async Task A_column_of_the_table_missing_from_the_mapping_is_an_error_naming_it()
    {
        var database = await LegacyDatabaseAsync("tanto_ka");
        var mapping = WriteMapping(Columns(AllColumns));

        var result = await CliRunner.RunAsync("run", "--mapping", mapping, "--standard", Standard, "--source-connection", "sqlite:" + database, "--out", _temp.Combine("work"), "--quiet");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("mapping.yaml:");
        result.Error.ShouldContain("column 'tanto_ka', which is not listed under 'columns'");
    }

    [Fact]
    public async Task A_missing_connection_is_a_usage_error_naming_the_source()
    {
        var database = await LegacyDatabaseAsync();
        var mapping = WriteMapping(Columns(AllColumns));

        var result = await CliRunner.RunAsync("run", "--mapping", mapping, "--standard", Standard, "--out", _temp.Combine("work"), "--quiet");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("source 'shien' reads a database: give --source-connection");
        File.Exists(database).ShouldBeTrue();
    }

    [Fact]
    public async Task The_connection_never_appears_in_output_manifest_or_report_even_when_the_run_fails()
    {
        // The path is part of what was given after sqlite: and is kept as secret as a password would be.
        const string Marker = "pw-Sup3rSecretMarker";
        var directory = _temp.Combine(Marker);
        await new VendorCSample().WriteAsync(new SampleOptions("vendor-c", 200, 3, directory), null, Ct);
        var variable = "MIGRATE_TEST_VC_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var environment = new Dictionary<string, string> { [variable] = "sqlite:" + Path.Combine(directory, VendorCSchema.DatabaseFile) };
        var mapping = RepoPaths.VendorMapping("vendor-c");
        var work = _temp.Combine("work");
        var ok = await CliRunner.RunAsync(environment, "run", "--mapping", mapping, "--source-connection", "env:" + variable, "--out", work, "--json");
        ok.ExitCode.ShouldBe(0, ok.Error);
        await VendorCEndToEndTests.AssertNowhereAsync(Marker, work, ok);

        var missing = await CliRunner.RunAsync("run", "--mapping", mapping, "--source-connection", "legacy=sqlite:" + Path.Combine(directory, "none.db"), "--out", _temp.Combine("work2"));
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("not found");
        missing.Error.ShouldNotContain(Marker);
        var bad = await CliRunner.RunAsync("run", "--mapping", mapping, "--source-connection", "mysql:" + Marker, "--out", _temp.Combine("work3"));
        bad.ExitCode.ShouldBe(2);
        bad.Error.ShouldNotContain(Marker);
    }
}
