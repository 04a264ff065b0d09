using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Tests.Mapping;

/// <summary>The published JSON Schema (mappings/mapping.schema.json) accepts every bundled mapping and rejects a wrong one.</summary>
public sealed class MappingSchemaTests
{
    public static TheoryData<string> BundledMappings()
    {
        var data = new TheoryData<string>();
        foreach (var dir in new[] { "vendors", "municipalities" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "mappings", dir), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                if (!Path.GetFileName(file).Contains("gaiji", StringComparison.Ordinal) && !file.EndsWith(".decisions.yaml", StringComparison.Ordinal))
                    data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        return data;
    }

    // Loaded once: the library registers a schema by its $id and refuses a second registration.
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(RepoPaths.Root, "mappings", "mapping.schema.json"));

    [Theory]
    [MemberData(nameof(BundledMappings))]
    public void Bundled_mapping_conforms_to_the_published_schema(string relativePath)
    {
        var json = YamlToJson(File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath)));

        var result = Schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.ShouldBeTrue(string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }

    [Fact]
    public void A_misspelt_key_is_rejected_by_the_schema()
    {
        var text = File.ReadAllText(RepoPaths.VendorAMapping).Replace("code_tables:", "code_tabels:", StringComparison.Ordinal);

        Schema.Evaluate(YamlToJson(text)).IsValid.ShouldBeFalse();
    }

    [Theory]
    [InlineData("max_record_lines: 3\n    max_record_bytes: 65536", true)]
    [InlineData("max_record_lines: 0", false)]
    [InlineData("max_record_bytes: 9000000", false)]
    public void Record_bounds_of_a_csv_source_are_in_the_schema(string bounds, bool valid)
    {
        var text = File.ReadAllText(RepoPaths.VendorAMapping)
            .Replace("    format: csv\n", $"    format: csv\n    {bounds}\n", StringComparison.Ordinal);
        text.ShouldContain(bounds);

        Schema.Evaluate(YamlToJson(text)).IsValid.ShouldBe(valid);
    }

    [Fact]
    public void Unresolved_markers_are_valid_where_init_writes_them_and_nowhere_else()
    {
        const string draft = """
            mapping_version: 1
            vendor: draft
            standard: juki
            standard_version: "1.0"
            sources: { jumin: { file: J.CSV, encoding: cp932, columns: [SEX] } }
            code_tables:
              person_seibetsu: { values: { "M": { todo: "pick the code" }, "F": "2" }, unknown: reject }
            tables:
              person: { from: jumin, items: { seibetsu: { from: SEX, do: [{ code: person_seibetsu }] }, zokugara: { todo: "no column" } } }
              support: { todo: "no file matched" }
            """;

        Schema.Evaluate(YamlToJson(draft)).IsValid.ShouldBeTrue();
        Schema.Evaluate(YamlToJson(draft.Replace("{ todo: \"pick the code\" }", "{ todo: \"x\", extra: 1 }", StringComparison.Ordinal))).IsValid.ShouldBeFalse();
    }

    /// <summary>YAML → JSON with the YAML core schema: plain scalars that read as integers or booleans get those types.</summary>
    private static JsonElement YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return JsonSerializer.SerializeToElement(Convert(stream.Documents[0].RootNode));
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var v } when long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } => null,
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException(node.NodeType.ToString()),
    };
}
