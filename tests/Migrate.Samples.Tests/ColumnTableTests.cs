using System.Text.RegularExpressions;
using Migrate.Samples;

namespace Migrate.Samples.Tests;

/// <summary>The vendors' column tables are the layouts their mappings declare: names, order, offsets and widths.</summary>
public sealed partial class ColumnTableTests
{
    [Fact]
    public void Vendor_a_csv_tables_list_the_mapping_columns_in_order()
    {
        JuminLayout.Instance.Names.ShouldBe(SampleFiles.MappingColumns("jumin"));
        ShienLayout.Instance.Names.ShouldBe(SampleFiles.MappingColumns("shien"));
        ZeigakuLayout.Instance.Names.ShouldBe(FlowList(Mapping("vendor-a", "kojin-juminzei.yaml"), "columns"));
    }

    [Theory]
    [InlineData("setai")]
    [InlineData("kojin")]
    [InlineData("rireki")]
    public void Vendor_b_fixed_tables_have_the_mapping_fields_offsets_and_widths(string source)
    {
        IReadOnlyList<string> columns = source switch
        {
            "setai" => [.. SetaiLayout.Instance.Columns.Select(c => $"{c.Name}@{c.Offset}+{c.Width}")],
            "kojin" => [.. KojinLayout.Instance.Columns.Select(c => $"{c.Name}@{c.Offset}+{c.Width}")],
            _ => [.. RirekiLayout.Instance.Columns.Select(c => $"{c.Name}@{c.Offset}+{c.Width}")],
        };

        columns.ShouldBe(MappingFields(source));
    }

    [Fact]
    public void A_fixed_column_outside_the_record_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new TooWide()).Message.ShouldContain("B (4+2) is outside the 5-byte record");
    }

    /// <summary>"NAME@offset+length" for each field of a vendor-b source; offsets run on from the previous field unless given.</summary>
    private static List<string> MappingFields(string source)
    {
        string yaml = Mapping("vendor-b", "juki.yaml");
        int at = yaml.IndexOf($"\n  {source}:", StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, $"source '{source}' not found in the mapping");
        // The source's block: its indented lines up to the next source or top-level key.
        var block = string.Concat(yaml[(at + 1)..].Split('\n').Skip(1).TakeWhile(line => line.StartsWith("    ", StringComparison.Ordinal)));
        var fields = new List<string>();
        int offset = 0;
        foreach (Match m in Field().Matches(block))
        {
            if (m.Groups["offset"].Success)
            {
                offset = int.Parse(m.Groups["offset"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            int length = int.Parse(m.Groups["length"].Value, System.Globalization.CultureInfo.InvariantCulture);
            fields.Add($"{m.Groups["name"].Value}@{offset}+{length}");
            offset += length;
        }

        fields.ShouldNotBeEmpty();
        return fields;
    }

    private static string Mapping(string vendor, string file) =>
        File.ReadAllText(Path.Combine(RepoPaths.Root, "mappings", "vendors", vendor, file));

    private static string[] FlowList(string yaml, string key)
    {
        int open = yaml.IndexOf(key + ": [", StringComparison.Ordinal) + key.Length + 3;
        return yaml[open..yaml.IndexOf(']', open)].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex(@"\{ name: (?<name>\w+),(?: offset: (?<offset>\d+),)? length: (?<length>\d+)")]
    private static partial Regex Field();

    private sealed class TooWide() : FixedLayout<int>(5, Digits("A", 0, 4, r => r), Digits("B", 4, 2, r => r));
}
