using System.Reflection;
using System.Security.Cryptography;

namespace Migrate.Core.Standard;

/// <summary>
/// The standards under mappings/standard/ as embedded in this assembly at build time (resources named
/// <c>standards/ID/standard.yaml</c>): they travel with a copied single-file binary or an installed tool.
/// </summary>
internal static class BundledStandards
{
    private const string Prefix = "standards/";
    private const string Suffix = "/standard.yaml";

    /// <summary>The IDs bundled, in order.</summary>
    public static IReadOnlyList<string> Ids { get; } = typeof(BundledStandards).Assembly.GetManifestResourceNames()
        .Select(n => n.Replace('\\', '/'))
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^Suffix.Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>How a bundled standard is named in messages and manifests (there is no file to point at).</summary>
    public static string DisplayPath(string id) => $"<bundled>/{id}/standard.yaml";

    /// <summary>The bundled standard <paramref name="id"/>, or null when none is bundled under that ID.</summary>
    public static StandardDefinition? Load(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var assembly = typeof(BundledStandards).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('\\', '/') == Prefix + id + Suffix);
        if (name is null) return null;
        var bytes = Read(assembly, name);
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        return StandardLoader.Load(DisplayPath(id), reader, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"resource {name} listed but not readable");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
