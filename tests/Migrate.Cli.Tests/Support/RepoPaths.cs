namespace Migrate.Cli.Tests.Support;

/// <summary>Finds the repository (for the bundled mappings and standard) from the test binary's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string VendorAMapping => Path.Combine(Root, "mappings", "vendors", "vendor-a", "juki.yaml");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Migrate.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Migrate.sln not found above " + AppContext.BaseDirectory);
    }
}
