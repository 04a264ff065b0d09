using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Mapping;
using Migrate.Core.Mapping.Loading;
using Migrate.Core.Standard;

namespace Migrate.Core.Tests.Mapping;

/// <summary>Mapping mistakes are reported with the mapping file, line and column, and a suggestion.</summary>
public sealed class MappingLoaderTests : IDisposable
{
    private static readonly string VendorA = RepoPaths.VendorAMapping;
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-mapping-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static StandardDefinition Standard => StandardLoader.Load(RepoPaths.Standard());

    private string Broken(string find, string replace)
    {
        var text = File.ReadAllText(VendorA);
        text.ShouldContain(find);
        var path = Path.Combine(_dir, "juki.yaml");
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return path;
    }

    private static (int Line, string Message) LineOf(string path, string find)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.Contains(find, StringComparison.Ordinal));
        return (index + 1, lines[index]);
    }

    [Fact]
    public void The_bundled_vendor_a_mapping_loads()
    {
        var mapping = MappingLoader.Load(VendorA, Standard);
        mapping.Vendor.ShouldBe("vendor-a");
        mapping.Tables.Select(t => t.TableId).ShouldBe(["person", "support"]);
        mapping.Gaiji.Entries[0xE003].Replacement.ShouldBe("辻\U000E0100");
    }

    [Fact]
    public void Record_bounds_of_a_csv_source_default_to_10_lines_and_1_MiB_and_can_be_set()
    {
        var mapping = MappingLoader.Load(VendorA, Standard);
        var jumin = mapping.Sources["jumin"].Options.ShouldBeOfType<DelimitedOptions>();
        jumin.MaxRecordLines.ShouldBe(10);
        jumin.MaxRecordBytes.ShouldBe(1 << 20);

        var path = Broken("    format: csv\n    encoding: cp932\n", "    format: csv\n    max_record_lines: 3\n    max_record_bytes: 4096\n    encoding: cp932\n");
        var set = MappingLoader.Load(path, Standard).Sources["jumin"].Options.ShouldBeOfType<DelimitedOptions>();

        set.MaxRecordLines.ShouldBe(3);
        set.MaxRecordBytes.ShouldBe(4096);
    }

    [Theory]
    [InlineData("max_record_lines: 0", "source 'jumin': 'max_record_lines' must be from 1 to 1000, not 0")]
    [InlineData("max_record_bytes: 9000000", "source 'jumin': 'max_record_bytes' must be from 1 to 8388608, not 9000000")]
    [InlineData("max_record_bytes: 1MiB", "'max_record_bytes' must be a whole number")]
    public void Record_bounds_out_of_range_name_their_line(string setting, string message)
    {
        var path = Broken("    format: csv\n    encoding: cp932\n", $"    format: csv\n    {setting}\n    encoding: cp932\n");
        var (line, _) = LineOf(path, setting);

        Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard))
            .Message.ShouldBe($"{path}:{line}:{setting.IndexOf(':', StringComparison.Ordinal) + 7}: {message}");
    }

    [Fact]
    public void Unknown_item_names_line_column_and_suggests()
    {
        var path = Broken("      seibetsu: { from: SEIBETSU", "      seibetu: { from: SEIBETSU");
        var (line, _) = LineOf(path, "seibetu:");

        var error = Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard));

        error.Kind.ShouldBe(FailureKind.Usage);
        error.Message.ShouldBe($"{path}:{line}:7: table 'person' of standard juki has no item 'seibetu' (did you mean 'seibetsu'?)");
    }

    [Fact]
    public void Unknown_transform_is_named_with_its_position()
    {
        var path = Broken("do: [trim, kana]", "do: [trim, kanna]");
        var (line, text) = LineOf(path, "kanna");

        var error = Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard));

        error.Message.ShouldStartWith($"{path}:{line}:{text.IndexOf("kanna", StringComparison.Ordinal) + 1}: unknown transform 'kanna' (did you mean 'kana'?)");
    }

    [Fact]
    public void Unknown_legacy_column_suggests_the_closest()
    {
        var path = Broken("atena_no: ATENA_NO\n      rireki_no", "atena_no: ATENA_N\n      rireki_no");

        Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard))
            .Message.ShouldContain("source 'jumin' has no column 'ATENA_N' (did you mean 'ATENA_NO'?)");
    }

    [Fact]
    public void Code_table_value_outside_the_standard_list_is_refused()
    {
        var path = Broken("\"14\": \"99\"", "\"14\": \"98\"");

        Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard))
            .Message.ShouldContain("code table 'zokugara' maps '14' to '98', which is not in the standard list 続柄");
    }

    [Fact]
    public void Missing_date_format_is_named()
    {
        var path = Broken("seinengappi: { from: SEINENGAPPI, do: [trim, { wareki: legacy }] }", "seinengappi: { from: SEINENGAPPI, do: [trim, { wareki: legasy }] }");

        Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard))
            .Message.ShouldContain("no date format 'legasy' under date_formats (did you mean 'legacy'?)");
    }

    [Fact]
    public void Yaml_syntax_errors_carry_their_position()
    {
        var path = Broken("vendor: vendor-a", "vendor: [vendor-a");

        var error = Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard));

        error.Message.ShouldStartWith(path + ":");
        error.Message.ShouldContain("YAML syntax error");
    }

    [Fact]
    public void Unknown_top_level_key_is_refused()
    {
        var path = Broken("vendor: vendor-a", "vendor: vendor-a\nvendr: x");

        Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard))
            .Message.ShouldContain("unknown key 'vendr' (did you mean 'vendor'?)");
    }
}
