using System.Text.Json.Nodes;
using Json.Schema;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>The published JSON Schemas (docs/schemas/) hold for real outputs: --json, report.json, manifest.json, errors.</summary>
public sealed class JsonSchemaTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string SamplePath => Path.Combine(RepoPaths.Root, "mappings", "vendors", "vendor-a", "sample");

    /// <summary>Each schema read once: the library keeps a registry of schemas by $id for the process.</summary>
    private static readonly Dictionary<string, JsonSchema> Schemas = Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs", "schemas"), "*.schema.json")
        .ToDictionary(f => Path.GetFileName(f)[..^".schema.json".Length], f => JsonSchema.FromFile(f));

    private static void ShouldMatch(string schemaName, string json)
    {
        var schema = Schemas[schemaName];
        using var document = System.Text.Json.JsonDocument.Parse(json);
        document.RootElement.GetProperty("schema_version").GetInt32().ShouldBe(1);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}");
        result.IsValid.ShouldBeTrue($"{schemaName}: {string.Join("; ", errors)}");
    }

    [Fact]
    public async Task Run_output_report_and_manifest_match_their_schemas()
    {
        var work = _temp.Combine("work");
        var run = await CliRunner.RunAsync("run", "--mapping", RepoPaths.VendorAMapping, "--source", SamplePath, "--out", work, "--json", "--quiet");
        run.ExitCode.ShouldBe(0, run.Error);

        ShouldMatch("command-output", run.Out);
        ShouldMatch("report", await File.ReadAllTextAsync(Path.Combine(work, "report", "report.json"), TestContext.Current.CancellationToken));
        ShouldMatch("manifest", await File.ReadAllTextAsync(Path.Combine(work, "manifest.json"), TestContext.Current.CancellationToken));

        var failOn = await CliRunner.RunAsync("report", "--out", work, "--json", "--quiet", "--fail-on", "pending");
        failOn.ExitCode.ShouldBe(1);
        ShouldMatch("command-output", failOn.Out);
    }

    [Fact]
    public async Task Errors_in_json_mode_are_json_on_stdout_with_the_exit_code()
    {
        var parse = await CliRunner.RunAsync("run", "--maping", "x", "--json");
        parse.ExitCode.ShouldBe(2);
        ShouldMatch("error", parse.Out);
        JsonNode.Parse(parse.Out)!["error"]!.GetValue<string>().ShouldBe("Unrecognized command or argument '--maping'. (did you mean '--mapping'?)");

        var missing = await CliRunner.RunAsync("report", "--out", _temp.Combine("nothing"), "--json");
        missing.ExitCode.ShouldBe(2);
        ShouldMatch("error", missing.Out);
        JsonNode.Parse(missing.Out)!["command"]!.GetValue<string>().ShouldBe("report");
    }

    [Fact]
    public async Task Standard_list_json_carries_its_schema_version()
    {
        var list = await CliRunner.RunAsync("standard", "list", "--root", RepoPaths.Mappings, "--json");
        list.ExitCode.ShouldBe(0, list.Error);
        ShouldMatch("standard-list", list.Out);
        list.Out.ShouldContain("\"juki\"");
    }
}
