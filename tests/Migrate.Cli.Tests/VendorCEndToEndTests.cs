using System.Text.Json;
using Microsoft.Data.SqlClient;
using Migrate.Cli.Tests.Support;
using Migrate.Samples;
using Npgsql;

namespace Migrate.Cli.Tests;

/// <summary>
/// vendor-c: a legacy relational database (households, persons, history, code tables as lookups, a
/// DV-support table, a custom table with no standard equivalent) read with format: database sources —
/// end to end on SQLite, and the same mapping on PostgreSQL and SQL Server with identical mapped files.
/// </summary>
public sealed class VendorCEndToEndTests : IDisposable
{
    private const int Persons = 1500;
    private const int Seed = 11;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Mapping => RepoPaths.VendorMapping("vendor-c");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Database, SampleSummary Summary)> SampleAsync()
    {
        var source = _temp.Combine("src");
        var summary = await new VendorCSample().WriteAsync(new SampleOptions("vendor-c", Persons, Seed, source), null, Ct);
        return (Path.Combine(source, VendorCSchema.DatabaseFile), summary);
    }

    private static async Task<JsonDocument> ManifestAsync(string work) =>
        JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "manifest.json"), Ct));

    [Fact]
    public async Task Vendor_c_sample_runs_end_to_end_on_sqlite_exits_0_and_reconciles_with_the_seeded_defects()
    {
        var (database, summary) = await SampleAsync();
        var work = _temp.Combine("work");

        var result = await CliRunner.RunAsync("run", "--mapping", Mapping, "--source-connection", "sqlite:" + database, "--out", work, "--quiet", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var reconciliation = json.RootElement.GetProperty("reconciliation");
        reconciliation.GetProperty("balanced").GetBoolean().ShouldBeTrue();
        var tables = reconciliation.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("table_id").GetString()!);
        tables["person"].GetProperty("read").GetInt64().ShouldBe(summary.RowsPerFile[VendorCSchema.History.Name]);
        tables["support"].GetProperty("read").GetInt64().ShouldBe(summary.RowsPerFile[VendorCSchema.DvSupport.Name]);
        tables["support"].GetProperty("loaded").GetInt64().ShouldBe(summary.RowsPerFile[VendorCSchema.DvSupport.Name]);

        using var manifest = await ManifestAsync(work);
        var extract = manifest.RootElement.GetProperty("extract");
        foreach (var source in extract.GetProperty("sources").EnumerateArray())
        {
            source.GetProperty("rejected").GetInt64().ShouldBe(0);
            source.GetProperty("database").GetProperty("driver").GetString().ShouldBe("sqlite");
        }
        extract.GetProperty("unlisted_tables").EnumerateArray().Select(t => t.GetString()).ShouldBe([VendorCSchema.KohoHaifu.Name]);

        var person = manifest.RootElement.GetProperty("map").GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table_id").GetString() == "person");
        var byReason = person.GetProperty("rejects_by_reason").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        // Every seeded defect rejects its rows, and nothing else is rejected.
        byReason.ShouldBe(summary.DefectsByKind.ToDictionary(d => d.Key, d => d.Value), ignoreOrder: true);
        person.GetProperty("rejected").GetInt64().ShouldBe(summary.DefectsByKind.Values.Sum());

        var findings = await File.ReadAllTextAsync(Path.Combine(work, "report", "findings.csv"), Ct);
        findings.ShouldContain("unmapped-table/table:koho_haifu");
        findings.ShouldContain("custom-column/dv_support/tanto");
        findings.ShouldNotContain("unmapped-table/households");
        findings.ShouldNotContain("子ども家庭支援課");
    }

    [Fact]
    public async Task The_same_mapping_on_postgres_gives_identical_mapped_files_and_never_shows_the_password()
    {
        var (database, _) = await SampleAsync();
        await using var schema = await PostgresSchema.CreateAsync();
        await using (var connection = new NpgsqlConnection(schema.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await VendorCCopy.CopyAsync(database, connection, "postgres", Ct);
        }

        var sqliteWork = _temp.Combine("sqlite-work");
        var postgresWork = _temp.Combine("postgres-work");
        var sqlite = await CliRunner.RunAsync("run", "--mapping", Mapping, "--source-connection", "sqlite:" + database, "--out", sqliteWork, "--quiet");
        sqlite.ExitCode.ShouldBe(0, sqlite.Error);
        // schema.Variable holds postgres:CONNECTION-STRING with a password that must never be shown.
        var postgres = await CliRunner.RunAsync(schema.Environment, "run", "--mapping", Mapping, "--source-connection", "env:" + schema.Variable, "--out", postgresWork, "--json");
        postgres.ExitCode.ShouldBe(0, postgres.Error);

        await AssertSameMappedFilesAsync(sqliteWork, postgresWork, "postgres");
        var password = new NpgsqlConnectionStringBuilder(schema.ConnectionString).Password!;
        await AssertNowhereAsync(password, postgresWork, postgres);
    }

    [Fact]
    public async Task The_same_mapping_on_sql_server_gives_identical_mapped_files()
    {
        var server = Environment.GetEnvironmentVariable("MIGRATE_TEST_SQLSERVER");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(server), "MIGRATE_TEST_SQLSERVER is not set");
        var (database, _) = await SampleAsync();
        var name = "migrate_vc_" + Guid.NewGuid().ToString("N")[..16];
        var connectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = name, Pooling = false }.ConnectionString;
        await ExecuteOnSqlServerAsync(server!, $"CREATE DATABASE [{name}]");
        var variable = "MIGRATE_TEST_VC_" + name.ToUpperInvariant();
        try
        {
            await using (var connection = new SqlConnection(connectionString))
            {
                await connection.OpenAsync(Ct);
                await VendorCCopy.CopyAsync(database, connection, "sqlserver", Ct);
            }
            var environment = new Dictionary<string, string> { [variable] = "sqlserver:" + connectionString };
            var sqliteWork = _temp.Combine("sqlite-work");
            var serverWork = _temp.Combine("sqlserver-work");
            (await CliRunner.RunAsync("run", "--mapping", Mapping, "--source-connection", "sqlite:" + database, "--out", sqliteWork, "--quiet")).ExitCode.ShouldBe(0);
            var result = await CliRunner.RunAsync(environment, "run", "--mapping", Mapping, "--source-connection", "env:" + variable, "--out", serverWork, "--quiet");
            result.ExitCode.ShouldBe(0, result.Error);
            await AssertSameMappedFilesAsync(sqliteWork, serverWork, "sqlserver");
        }
        finally
        {
            SqlConnection.ClearAllPools();
            await ExecuteOnSqlServerAsync(server!, $"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]");
        }
    }

    private static async Task ExecuteOnSqlServerAsync(string server, string sql)
    {
        await using var connection = new SqlConnection(new SqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task AssertSameMappedFilesAsync(string expectedWork, string actualWork, string driver)
    {
        using var expected = await ManifestAsync(expectedWork);
        using var actual = await ManifestAsync(actualWork);
        static Dictionary<string, string> Mapped(JsonDocument manifest) => manifest.RootElement.GetProperty("map").GetProperty("tables").EnumerateArray()
            .ToDictionary(t => t.GetProperty("table_id").GetString()!, t => t.GetProperty("mapped_sha256").GetString()!);
        var mapped = Mapped(actual);
        mapped.Count.ShouldBe(2);
        mapped.ShouldBe(Mapped(expected));
        foreach (var source in actual.RootElement.GetProperty("extract").GetProperty("sources").EnumerateArray())
            source.GetProperty("database").GetProperty("driver").GetString().ShouldBe(driver);
        actual.RootElement.GetProperty("extract").GetProperty("unlisted_tables").EnumerateArray().Select(t => t.GetString()).ShouldBe([VendorCSchema.KohoHaifu.Name]);
    }

    /// <summary>The secret is in no output, manifest, report or log of the work directory.</summary>
    internal static async Task AssertNowhereAsync(string secret, string work, CliResult result)
    {
        result.Out.ShouldNotContain(secret);
        result.Error.ShouldNotContain(secret);
        foreach (var file in Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".db", StringComparison.Ordinal)))
            (await File.ReadAllTextAsync(file, Ct)).ShouldNotContain(secret, customMessage: file);
    }
}
