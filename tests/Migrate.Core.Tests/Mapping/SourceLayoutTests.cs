using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Mapping;
using Migrate.Core.Mapping.Loading;
using Migrate.Core.Standard;

namespace Migrate.Core.Tests.Mapping;

/// <summary>vendor-b's fixed-width layouts, joins and 外字 table file; their mistakes name file:line:column.</summary>
public sealed class SourceLayoutTests : IDisposable
{
    private static readonly string VendorB = RepoPaths.VendorMapping("vendor-b");
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-layout-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static StandardDefinition Standard => StandardLoader.Load(RepoPaths.Standard());

    private string Broken(string find, string replace)
    {
        var text = File.ReadAllText(VendorB);
        text.ShouldContain(find);
        File.Copy(Path.Combine(Path.GetDirectoryName(VendorB)!, "gaiji.yaml"), Path.Combine(_dir, "gaiji.yaml"), overwrite: true);
        var path = Path.Combine(_dir, "juki.yaml");
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return path;
    }

    private static int LineOf(string path, string find) => Array.FindIndex(File.ReadAllLines(path), l => l.Contains(find, StringComparison.Ordinal)) + 1;

    [Fact]
    public void The_bundled_vendor_b_mapping_loads_layouts_joins_and_the_gaiji_file()
    {
        var mapping = MappingLoader.Load(VendorB, Standard);
        var rireki = mapping.Sources["rireki"];
        rireki.Format.ShouldBe(FixedWidthFormat.FormatName);
        var layout = rireki.Options.ShouldBeOfType<FixedLayout>();
        layout.RecordLength.ShouldBe(60);
        layout.Separator.ShouldBe(RecordSeparator.None);
        layout.Fields.Single(f => f.Name == "KOSHIN_CNT").Type.ShouldBe(FixedFieldType.Packed);
        mapping.Sources["kojin"].Options.ShouldBeOfType<FixedLayout>().Fields.Single(f => f.Name == "SHIMEI").Offset.ShouldBe(20);   // sequential offsets
        var person = mapping.Tables.Single(t => t.TableId == "person");
        person.Joins.Select(j => (j.Source, j.On, j.To)).ShouldBe([("kojin", "ATENA_NO", "ATENA_NO"), ("setai", "kojin.SETAI_NO", "SETAI_NO")]);
        // From the file, then the inline table on top.
        mapping.Gaiji.Entries[0xE000].Replacement.ShouldBe("髙");
        mapping.Gaiji.Entries[0xE000].MjName.ShouldBe("MJ028902");
        mapping.Gaiji.Entries[0xE004].Resolution.ShouldBe(GaijiResolution.Reduced);
        mapping.Gaiji.Entries[0xE005].Resolution.ShouldBe(GaijiResolution.Unresolved);
        mapping.Gaiji.Entries[0xE006].Replacement.ShouldBe("神");
    }

    [Fact]
    public void A_joined_column_that_does_not_exist_is_named_with_its_line_and_a_suggestion()
    {
        var path = Broken("shimei: { from: kojin.SHIMEI,", "shimei: { from: kojin.SHIMEl,");
        var error = Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard));
        error.Message.ShouldStartWith($"{path}:{LineOf(path, "kojin.SHIMEl")}:");
        error.Message.ShouldContain("no column 'kojin.SHIMEl' (did you mean 'kojin.SHIMEI'?)");
    }

    [Fact]
    public void A_join_key_from_an_unknown_column_is_an_error_at_its_line()
    {
        var path = Broken("on: kojin.SETAI_NO", "on: kojin.SETAI");
        var error = Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard));
        error.Message.ShouldStartWith($"{path}:{LineOf(path, "on: kojin.SETAI,")}:");
        error.Message.ShouldContain("did you mean 'kojin.SETAI_NO'?");
    }

    [Fact]
    public void Overlapping_fields_are_an_error_naming_both()
    {
        var path = Broken("{ name: JOTAI, offset: 15, length: 1 }", "{ name: JOTAI, offset: 14, length: 1 }");
        var error = Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard));
        error.Message.ShouldStartWith($"{path}:{LineOf(path, "name: JOTAI")}:");
        error.Message.ShouldContain("overlaps field 'ZOKUGARA'");
    }

    [Fact]
    public void A_missing_gaiji_file_is_an_error_at_the_file_key()
    {
        var path = Broken("file: gaiji.yaml", "file: gaiji-missing.yaml");
        var error = Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard));
        error.Message.ShouldStartWith($"{path}:{LineOf(path, "gaiji-missing.yaml")}:");
        error.Message.ShouldContain("not found");
    }

    [Fact]
    public void A_record_length_shorter_than_the_layout_is_an_error()
    {
        var path = Broken("record_length: 60", "record_length: 40");
        var error = Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard));
        error.Message.ShouldStartWith($"{path}:{LineOf(path, "record_length: 40")}:");
        error.Message.ShouldContain("ends at byte 49");
    }
}
