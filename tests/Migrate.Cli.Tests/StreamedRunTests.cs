using System.Security.Cryptography;
using System.Text.Json;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>
/// <c>migrate run</c> extracts, maps and loads at once; its files and results must be exactly those
/// of the stages run one by one, and a failing stage must stop the others.
/// </summary>
public sealed class StreamedRunTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Sample => Path.Combine(RepoPaths.Root, "mappings", "vendors", "vendor-a", "sample");

    [Fact]
    public async Task Run_writes_the_same_files_and_loads_the_same_rows_as_the_stages_one_by_one()
    {
        var streamed = _temp.Combine("streamed");
        var staged = _temp.Combine("staged");

        var run = await CliRunner.RunAsync(["run", "--mapping", RepoPaths.VendorAMapping, "--source", Sample, "--out", streamed, "--quiet"]);
        run.ExitCode.ShouldBe(0, run.Error);
        (await CliRunner.RunAsync(["extract", "--mapping", RepoPaths.VendorAMapping, "--source", Sample, "--out", staged, "--quiet"])).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync(["map", "--out", staged, "--quiet"])).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync(["load", "--out", staged, "--quiet"])).ExitCode.ShouldBe(0);

        foreach (var folder in new[] { "staging", "mapped", "rejects" })
        {
            var files = Directory.GetFiles(Path.Combine(staged, folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            files.ShouldNotBeEmpty();
            Directory.GetFiles(Path.Combine(streamed, folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(files);
            foreach (var file in files)
                Hash(Path.Combine(streamed, folder, file!)).ShouldBe(Hash(Path.Combine(staged, folder, file!)), $"{folder}/{file}");
        }
        using var a = Manifest(streamed);
        using var b = Manifest(staged);
        Loads(a).ShouldBe(Loads(b));
        Loads(a).ShouldAllBe(t => t.Rows > 0);
        // Everything the stages recorded but their timings.
        WithoutSeconds(a, "extract", "sources").ShouldBe(WithoutSeconds(b, "extract", "sources"));
        WithoutSeconds(a, "map", "tables").ShouldBe(WithoutSeconds(b, "map", "tables"));
        a.RootElement.GetProperty("map").GetProperty("codes").GetRawText().ShouldBe(b.RootElement.GetProperty("map").GetProperty("codes").GetRawText());
        a.RootElement.GetProperty("reconciliation").GetRawText().ShouldBe(b.RootElement.GetProperty("reconciliation").GetRawText());
        a.RootElement.TryGetProperty("pending_load", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_load_that_fails_stops_the_run_and_leaves_the_target_as_it_was()
    {
        var work = _temp.Combine("work");
        var first = await CliRunner.RunAsync(["run", "--mapping", RepoPaths.VendorAMapping, "--source", Sample, "--out", work, "--quiet"]);
        first.ExitCode.ShouldBe(0, first.Error);
        var database = Path.Combine(work, "standard.db");
        var before = Hash(database);

        // The target now holds rows: without --replace the load is refused while extract and map are still running.
        var second = await CliRunner.RunAsync(["run", "--mapping", RepoPaths.VendorAMapping, "--source", Sample, "--out", work, "--quiet"]);

        second.ExitCode.ShouldBe(3);
        second.Error.ShouldContain("--replace");
        second.Error.ShouldNotContain("   at ");
        Hash(database).ShouldBe(before);
    }

    [Fact]
    public async Task A_source_that_fails_while_another_is_mapped_is_the_error_reported_and_nothing_is_loaded()
    {
        var source = _temp.Combine("src");
        Directory.CreateDirectory(source);
        File.Copy(Path.Combine(Sample, "JUMIN.CSV"), Path.Combine(source, "JUMIN.CSV"));
        var work = _temp.Combine("work");

        // SHIEN.CSV is missing: its extraction fails after JUMIN.CSV was extracted and (partly) mapped and loaded.
        var result = await CliRunner.RunAsync(["run", "--mapping", RepoPaths.VendorAMapping, "--source", source, "--out", work, "--quiet"]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("SHIEN.CSV");
        result.Error.ShouldContain("not found");
        result.Error.ShouldNotContain("cancel", Case.Insensitive);
        File.Exists(Path.Combine(work, "standard.db")).ShouldBeFalse();
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static JsonDocument Manifest(string work) => JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "manifest.json")));

    private static List<(string Table, long Rows, string Checksum)> Loads(JsonDocument manifest) =>
        manifest.RootElement.GetProperty("load").GetProperty("tables").EnumerateArray()
            .Select(t => (t.GetProperty("table_id").GetString()!, t.GetProperty("loaded").GetInt64(), t.GetProperty("checksum").GetString()!))
            .ToList();

    private static List<string> WithoutSeconds(JsonDocument manifest, string stage, string list) =>
        manifest.RootElement.GetProperty(stage).GetProperty(list).EnumerateArray()
            .Select(e => string.Join(";", e.EnumerateObject().Where(p => p.Name != "seconds").Select(p => p.Name + "=" + p.Value.GetRawText())))
            .ToList();
}
