using System.Text.Json;
using System.Text.RegularExpressions;

namespace Migrate.Core.Tests.Mapping;

/// <summary>The table of docs/mapping-keys.md documents every key of mappings/mapping.schema.json exactly once, and nothing else.</summary>
public sealed partial class MappingKeysDocumentationTests
{
    [Fact]
    public void Every_key_of_the_schema_is_documented_once_in_the_mapping_keys_page()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "mappings", "mapping.schema.json")));
        var keys = new List<string>();
        Walk(schema.RootElement, schema.RootElement.GetProperty("$defs"), "", keys);

        var documented = Documented();

        documented.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("documented twice");
        keys.Except(documented).ShouldBeEmpty("in the schema but not in docs/mapping-keys.md");
        documented.Except(keys).ShouldBeEmpty("in docs/mapping-keys.md but not in the schema");
    }

    private static List<string> Documented()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "mapping-keys.md"));
        page.ShouldContain("| key | meaning |");
        return KeyRow().Matches(page).Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>Key paths as docs/mapping-keys.md writes them: properties joined with '.', '*' for any name, '[]' for list elements.</summary>
    private static void Walk(JsonElement node, JsonElement defs, string path, List<string> keys)
    {
        if (node.ValueKind != JsonValueKind.Object) return;
        if (node.TryGetProperty("$ref", out var reference))
        {
            Walk(defs.GetProperty(reference.GetString()!.Split('/')[^1]), defs, path, keys);
            return;
        }
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            if (node.TryGetProperty(combinator, out var options))
                foreach (var option in options.EnumerateArray()) Walk(option, defs, path, keys);
        if (node.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                var key = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                if (!keys.Contains(key)) keys.Add(key);
                Walk(property.Value, defs, key, keys);
            }
        }
        if (node.TryGetProperty("additionalProperties", out var additional)) Walk(additional, defs, path + ".*", keys);
        if (node.TryGetProperty("items", out var items)) Walk(items, defs, path + "[]", keys);
    }

    [GeneratedRegex(@"^\| `([^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex KeyRow();
}
