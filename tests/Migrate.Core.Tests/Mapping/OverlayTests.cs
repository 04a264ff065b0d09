using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Mapping.Loading;
using Migrate.Core.Standard;

namespace Migrate.Core.Tests.Mapping;

/// <summary>Municipality overlays: deep merge over the vendor mapping, chains, cycles and error positions.</summary>
public sealed class OverlayTests : IDisposable
{
    private static readonly string VendorA = RepoPaths.VendorAMapping;
    private static readonly string Chiyoda = Path.Combine(RepoPaths.Root, "mappings", "municipalities", "131016-chiyoda", "juki.yaml");
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-overlay-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static StandardDefinition Standard => StandardLoader.Load(RepoPaths.Standard());

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static int LineOf(string path, string find) =>
        Array.FindIndex(File.ReadAllLines(path), l => l.Contains(find, StringComparison.Ordinal)) + 1;

    [Fact]
    public void Bundled_municipality_overlay_changes_only_what_it_writes()
    {
        var vendor = MappingLoader.Load(VendorA, Standard);
        var overlay = MappingLoader.Load(Chiyoda, Standard);

        overlay.Municipality.ShouldBe("131016");
        overlay.Vendor.ShouldBe("vendor-a");
        overlay.CodeTables["ido_jiyu"].Values["C3"].ShouldBe("44");
        overlay.CodeTables["ido_jiyu"].Values["C1"].ShouldBe("41");                 // inherited entry of the same table
        overlay.CodeTables["zokugara"].Values.ShouldBe(vendor.CodeTables["zokugara"].Values);      // untouched table
        overlay.Gaiji.Entries[0xE005].Resolution.ShouldBe(GaijiResolution.Identified);
        overlay.Gaiji.Entries[0xE000].Replacement.ShouldBe("髙");
        overlay.Gaiji.Unresolved.ShouldBe(UnresolvedGaijiRule.Reject);
        var person = overlay.Tables.Single(t => t.TableId == "person");
        person.Items.Single(i => i.ItemId == "kokuseki").Transforms.Select(t => t.Name).ShouldBe(["trim", "halfwidth-ascii"]);
        person.Items.Count.ShouldBe(vendor.Tables.Single(t => t.TableId == "person").Items.Count);
        person.Filters.Single().Name.ShouldBe("test-records");
        overlay.DeclaredCustomizations.Select(d => d.Id).ShouldBe(["form-a4-landscape", "night-batch-transfer"]);
        overlay.Sha256.ShouldNotBe(vendor.Sha256);
        overlay.Document!.Files.ShouldBe([VendorA, Chiyoda]);
    }

    [Fact]
    public void Positions_point_at_the_file_where_the_node_was_written()
    {
        var vendor = MappingLoader.Load(VendorA, Standard);
        var overlay = MappingLoader.Load(Chiyoda, Standard);
        var person = overlay.Tables.Single(t => t.TableId == "person");

        var kokuseki = person.Items.Single(i => i.ItemId == "kokuseki");
        kokuseki.Position.File.ShouldBe(Chiyoda);
        kokuseki.Position.Line.ShouldBe(LineOf(Chiyoda, "kokuseki:"));
        var shimei = person.Items.Single(i => i.ItemId == "shimei");
        shimei.Position.ShouldBe(vendor.Tables.Single(t => t.TableId == "person").Items.Single(i => i.ItemId == "shimei").Position with { File = VendorA });
        shimei.Position.File.ShouldBe(VendorA);
    }

    [Fact]
    public void Error_in_the_overlay_names_the_overlay_line_and_column()
    {
        var path = Write("m/juki.yaml", $"extends: {VendorA}\nmunicipality: x\ntables:\n  person:\n    items:\n      seibetu: SEIBETSU\n");

        var error = Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard));

        error.Message.ShouldBe($"{path}:6:7: table 'person' of standard juki has no item 'seibetu' (did you mean 'seibetsu'?)");
    }

    [Fact]
    public void Error_in_the_base_names_the_base_file_even_through_a_chain()
    {
        var vendorText = File.ReadAllText(VendorA).Replace("do: [trim, kana]", "do: [trim, kanna]", StringComparison.Ordinal);
        var vendor = Write("vendors/juki.yaml", vendorText);
        Write("regions/tama.yaml", "extends: ../vendors/juki.yaml\nvendor: vendor-a-tama\n");
        var municipality = Write("municipalities/132012.yaml", "extends: ../regions/tama.yaml\nmunicipality: \"132012\"\n");
        var line = LineOf(vendor, "kanna");
        var column = File.ReadAllLines(vendor)[line - 1].IndexOf("kanna", StringComparison.Ordinal) + 1;

        var error = Should.Throw<MigrateException>(() => MappingLoader.Load(municipality, Standard));

        error.Message.ShouldStartWith($"{vendor}:{line}:{column}: unknown transform 'kanna'");
        error.Position!.Value.Line.ShouldBe(line);
        Path.GetFullPath(error.Position.Value.File).ShouldBe(vendor);
    }

    [Fact]
    public void Chain_vendor_region_municipality_merges_in_order()
    {
        Write("vendors/juki.yaml", File.ReadAllText(VendorA));
        Write("regions/tama.yaml", "extends: ../vendors/juki.yaml\ncode_tables:\n  seibetsu:\n    values: { M: \"1\", F: \"2\", U: \"9\" }\n");
        var municipality = Write("municipalities/132012.yaml", "extends: ../regions/tama.yaml\nmunicipality: \"132012\"\ncode_tables:\n  seibetsu:\n    unknown: { default: \"0\" }\n");

        var mapping = MappingLoader.Load(municipality, Standard);

        mapping.CodeTables["seibetsu"].Values["U"].ShouldBe("9");
        mapping.CodeTables["seibetsu"].Unknown.ShouldBe(UnknownCodeRule.Default);
        mapping.Document!.Files.Count.ShouldBe(3);
    }

    [Fact]
    public void A_cycle_is_a_usage_error_naming_the_files()
    {
        var a = Write("a.yaml", "extends: b.yaml\nmunicipality: a\n");
        Write("b.yaml", "extends: a.yaml\nmunicipality: b\n");

        var error = Should.Throw<MigrateException>(() => MappingDocument.Load(a));

        error.Kind.ShouldBe(FailureKind.Usage);
        error.Message.ShouldContain("overlays extend each other in a cycle: a.yaml → b.yaml → a.yaml");
        error.Message.ShouldStartWith(Path.Combine(_dir, "b.yaml") + ":1:10:");
    }

    [Fact]
    public void A_missing_base_is_named_at_the_extends_line()
    {
        var a = Write("a.yaml", "municipality: a\nextends: ../nowhere/juki.yaml\n");

        Should.Throw<MigrateException>(() => MappingDocument.Load(a))
            .Message.ShouldStartWith($"{a}:2:10: 'extends' names ../nowhere/juki.yaml, which does not exist");
    }

    [Fact]
    public void Effective_mapping_prints_merged_yaml_that_loads_on_its_own()
    {
        var document = MappingDocument.Load(Chiyoda);
        var effective = document.Effective();
        effective.ShouldNotContain("extends");
        effective.ShouldContain("C3: \"44\"");
        var path = Write("effective.yaml", effective);

        var mapping = MappingLoader.Load(path, Standard);

        mapping.CodeTables["ido_jiyu"].Values["C3"].ShouldBe("44");
        mapping.Municipality.ShouldBe("131016");
    }
}
