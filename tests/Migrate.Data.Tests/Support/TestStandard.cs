using Migrate.Core.Standard;

namespace Migrate.Data.Tests.Support;

/// <summary>The bundled 住民記録 standard, found from the test binary's folder.</summary>
public static class TestStandard
{
    public static string RepoRoot { get; } = FindRoot();

    public static StandardDefinition Juki { get; } = StandardLoader.Load(Path.Combine(RepoRoot, "mappings", "standard", "juki", "standard.yaml"));

    public static StandardTable Person => Juki.FindTable("person")!;
    public static StandardTable Support => Juki.FindTable("support")!;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Migrate.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Migrate.sln not found above " + AppContext.BaseDirectory);
    }
}
