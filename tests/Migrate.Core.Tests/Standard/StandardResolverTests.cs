using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Standard;

/// <summary>
/// One resolution for every command: --standard FILE, then --standards DIR / MIGRATE_STANDARDS, then a
/// standard/ID/ folder above the mapping, then the standard bundled in the assembly.
/// </summary>
public sealed class StandardResolverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-standard-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Mapping(string folder)
    {
        var path = Path.Combine(_dir, folder, "vendor", "draft.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "mapping_version: 1\nvendor: x\nstandard: juki\nstandard_version: \"1.0\"\nsources: {}\ntables: {}\n");
        return path;
    }

    private static string StandardCopy(string directory, string version)
    {
        var path = Path.Combine(directory, "juki", "standard.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, File.ReadAllText(RepoPaths.Standard())
            .Replace("version: \"1.0\"", $"version: \"{version}\"", StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public void A_mapping_outside_any_repository_gets_the_bundled_standard_byte_for_byte()
    {
        var standard = StandardResolver.ForMapping(Mapping("alone"), StandardSource.Default);

        standard.Id.ShouldBe("juki");
        standard.SourcePath.ShouldBe("<bundled>/juki/standard.yaml");
        standard.Sha256.ShouldBe(FileHash.Sha256(RepoPaths.Standard()));
    }

    [Fact]
    public void Every_standard_under_mappings_standard_is_bundled()
    {
        var folders = Directory.EnumerateDirectories(Path.Combine(RepoPaths.Root, "mappings", "standard")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        BundledStandards.Ids.ShouldBe(folders);
    }

    [Fact]
    public void A_standard_folder_above_the_mapping_wins_over_the_bundled_one()
    {
        var mapping = Mapping("project");
        StandardCopy(Path.Combine(_dir, "project", "standard"), "1.0-local");

        StandardResolver.ForMapping(mapping, StandardSource.Default).Version.ShouldBe("1.0-local");
    }

    [Fact]
    public void The_standards_folder_wins_over_the_folder_above_the_mapping_in_either_layout()
    {
        var mapping = Mapping("project");
        StandardCopy(Path.Combine(_dir, "project", "standard"), "1.0-local");
        StandardCopy(Path.Combine(_dir, "override"), "1.0-override");
        StandardCopy(Path.Combine(_dir, "tree", "standard"), "1.0-tree");

        StandardResolver.ForMapping(mapping, new StandardSource(Directory: Path.Combine(_dir, "override"))).Version.ShouldBe("1.0-override");
        StandardResolver.ForMapping(mapping, new StandardSource(Directory: Path.Combine(_dir, "tree"))).Version.ShouldBe("1.0-tree");
    }

    [Fact]
    public void A_standards_folder_without_the_id_falls_back_and_a_missing_folder_is_a_usage_error()
    {
        var mapping = Mapping("alone");
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));

        StandardResolver.ForMapping(mapping, new StandardSource(Directory: Path.Combine(_dir, "empty"))).SourcePath.ShouldBe("<bundled>/juki/standard.yaml");
        var error = Should.Throw<MigrateException>(() => StandardResolver.ForMapping(mapping, new StandardSource(Directory: Path.Combine(_dir, "missing"))));
        error.Kind.ShouldBe(FailureKind.Usage);
        error.Message.ShouldContain("standards folder not found");
    }

    [Fact]
    public void An_unknown_id_names_the_bundled_ids_and_how_to_give_a_folder()
    {
        var error = Should.Throw<MigrateException>(() => StandardResolver.ByIdOrPath("jukii", _dir, StandardSource.Default));

        error.Message.ShouldBe("--standard jukii: cannot find standard 'jukii': not bundled (bundled: juki, kojin-juminzei), and no standard/jukii/standard.yaml above the mapping; give --standards DIR (or set MIGRATE_STANDARDS) or --standard PATH");
    }

    [Fact]
    public void All_lists_the_folder_s_standards_before_the_bundled_ones_by_id()
    {
        StandardCopy(Path.Combine(_dir, "override"), "2.0");

        var all = StandardResolver.All(new StandardSource(Directory: Path.Combine(_dir, "override")));

        all.Select(s => $"{s.Id} {s.Version}").ShouldBe(["juki 2.0", "kojin-juminzei 1.0"]);
    }
}
