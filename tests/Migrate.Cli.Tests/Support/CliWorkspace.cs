using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Migrate.Cli.Tests.Support;

/// <summary>
/// A test's own folder for runs through the command line: the legacy export in src/, the work
/// directory in work/ with the files the stages write there, and the <c>migrate run</c> and
/// <c>migrate sample</c> command lines the end-to-end tests share.
/// </summary>
public sealed class CliWorkspace : IDisposable
{
    /// <summary>Turns the per-table reject threshold off, for exports that are mostly deliberate defects.</summary>
    public static readonly string[] NoRejectThreshold = ["--max-rejects", "100%"];

    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();
    private readonly TempDirectory _temp = new();

    public string Root => _temp.Path;
    public string Source => _temp.Combine("src");
    public string Work => _temp.Combine("work");
    public string Database => Path.Combine(Work, "standard.db");
    public string ManifestPath => Path.Combine(Work, "manifest.json");

    public string Combine(params string[] parts) => _temp.Combine(parts);
    public string Staged(string sourceId) => Path.Combine(Work, "staging", sourceId + ".csv");
    public string Mapped(string tableId) => Path.Combine(Work, "mapped", tableId + ".csv");

    /// <summary><c>migrate run --mapping MAPPING --source src --out work --quiet EXTRA…</c>.</summary>
    public Task<CliResult> RunAsync(string mapping, params string[] extra) => RunAsync(NoVariables, mapping, extra);

    /// <param name="environment">The variables the command sees (an env:NAME target's connection string).</param>
    public Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, string mapping, params string[] extra) =>
        CliRunner.RunAsync(environment, ["run", "--mapping", mapping, "--source", Source, "--out", Work, "--quiet", .. extra]);

    /// <summary><c>migrate sample</c> of <paramref name="vendor"/> into src/ (seed 5), which must succeed.</summary>
    public async Task SampleAsync(string vendor = "vendor-a", int rows = 200) =>
        (await CliRunner.RunAsync("sample", "--vendor", vendor, "--rows", rows.ToString(CultureInfo.InvariantCulture), "--seed", "5", "--out", Source, "--quiet")).ExitCode.ShouldBe(0);

    /// <summary>The count a query returns from the SQLite target in work/.</summary>
    public async Task<long> SqliteCountAsync(string sql)
    {
        await using var db = await OpenDatabaseAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Changes the SQLite target in work/ behind the tool's back.</summary>
    public async Task SqliteExecuteAsync(string sql)
    {
        await using var db = await OpenDatabaseAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private async Task<SqliteConnection> OpenDatabaseAsync()
    {
        var db = new SqliteConnection($"Data Source={Database};Pooling=False");
        await db.OpenAsync(TestContext.Current.CancellationToken);
        return db;
    }

    public JsonObject Manifest() => JsonNode.Parse(File.ReadAllText(ManifestPath))!.AsObject();

    /// <summary>Edits work/manifest.json behind the tool's back.</summary>
    public void EditManifest(Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var manifest = Manifest();
        edit(manifest);
        File.WriteAllText(ManifestPath, manifest.ToJsonString());
    }

    public void Dispose() => _temp.Dispose();
}
