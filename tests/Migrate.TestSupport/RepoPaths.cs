namespace Migrate.TestSupport;

/// <summary>Finds the repository (for the bundled mappings and standards) from the test binary's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Mappings => Path.Combine(Root, "mappings");

    public static string VendorAMapping => VendorMapping("vendor-a");

    /// <summary>A bundled vendor mapping, mappings/vendors/VENDOR/DOMAIN.yaml.</summary>
    public static string VendorMapping(string vendor, string domain = "juki") => Path.Combine(Mappings, "vendors", vendor, domain + ".yaml");

    /// <summary>A bundled standard, mappings/standard/ID/standard.yaml.</summary>
    public static string Standard(string id = "juki") => Path.Combine(Mappings, "standard", id, "standard.yaml");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Migrate.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Migrate.sln not found above " + AppContext.BaseDirectory);
    }
}
