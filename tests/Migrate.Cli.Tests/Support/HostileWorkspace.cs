namespace Migrate.Cli.Tests.Support;

/// <summary>
/// A folder for hostile-input tests: a copy of the bundled standards and vendor-a mapping (to be
/// edited), a small vendor-a export in src/, and helpers to write mapping variants.
/// </summary>
public sealed class HostileWorkspace : IDisposable
{
    private readonly TempDirectory _temp = new();

    public HostileWorkspace()
    {
        CopyDirectory(Path.Combine(RepoPaths.Root, "mappings", "standard"), Path.Combine(Mappings, "standard"));
        Directory.CreateDirectory(Path.GetDirectoryName(Mapping)!);
        File.Copy(RepoPaths.VendorAMapping, Mapping);
        Directory.CreateDirectory(Source);
        VendorAFiles.WriteJumin(Source, [VendorAFiles.Person("0000000019"), VendorAFiles.Person("0000000027", 1, ("ZOKUGARA", "02"))]);
        VendorAFiles.WriteShien(Source);
    }

    public string Root => _temp.Path;
    public string Mappings => _temp.Combine("m");
    public string Mapping => Path.Combine(Mappings, "vendors", "vendor-a", "juki.yaml");
    public string Standard => Path.Combine(Mappings, "standard", "juki", "standard.yaml");
    public string Source => _temp.Combine("src");
    public string Work => _temp.Combine("work");

    public string Combine(params string[] parts) => _temp.Combine(parts);

    /// <summary>Writes a variant of the vendor-a mapping beside it (so the standard is found) with one text replaced; returns its path.</summary>
    public string MappingWith(string name, string find, string replace) =>
        MappingVariant.Write(Path.Combine(Path.GetDirectoryName(Mapping)!, name + ".yaml"), Mapping, (find, replace));

    /// <summary>Writes a variant of the vendor-a mapping with text appended at the end.</summary>
    public string MappingPlus(string name, string tail)
    {
        var path = Path.Combine(Path.GetDirectoryName(Mapping)!, name + ".yaml");
        File.WriteAllText(path, File.ReadAllText(Mapping) + tail);
        return path;
    }

    /// <summary>Replaces text in the copied standard.</summary>
    public void EditStandard(string find, string replace)
    {
        var text = File.ReadAllText(Standard);
        text.ShouldContain(find);
        File.WriteAllText(Standard, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    public void Dispose() => _temp.Dispose();
}
