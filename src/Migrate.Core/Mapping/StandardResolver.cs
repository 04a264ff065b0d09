using Migrate.Core.Diagnostics;
using Migrate.Core.Standard;

namespace Migrate.Core.Mapping;

/// <summary>
/// Finds a standard by ID the same way for every command. In order, the first that has it wins:
/// <list type="number">
/// <item><c>--standard PATH</c>: that file, whatever its ID;</item>
/// <item><c>--standards DIR</c>, else the <c>MIGRATE_STANDARDS</c> folder: DIR/ID/standard.yaml or DIR/standard/ID/standard.yaml;</item>
/// <item>a <c>standard/ID/standard.yaml</c> in the mapping's folder or any folder above it (a project's own copy);</item>
/// <item>the standard bundled in the tool.</item>
/// </list>
/// What the user names explicitly wins; then what sits beside the mapping; then what the tool carries.
/// </summary>
public static class StandardResolver
{
    /// <summary>The standard a mapping names (its <c>standard:</c> key), resolved from the mapping's folder.</summary>
    public static StandardDefinition ForMapping(string mappingPath, StandardSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.File is not null) return LoadFile(source.File);
        return Resolve(StandardIdOf(mappingPath), Path.GetDirectoryName(Path.GetFullPath(mappingPath)), source)
            ?? throw NotFound(StandardIdOf(mappingPath), source, $"{mappingPath}: ");
    }

    /// <summary>
    /// <paramref name="idOrPath"/> as <c>init</c> takes it: an existing standard file, or an ID resolved
    /// from <paramref name="nearDirectory"/> (where the draft is written) as for a mapping.
    /// </summary>
    public static StandardDefinition ByIdOrPath(string idOrPath, string? nearDirectory, StandardSource source)
    {
        ArgumentNullException.ThrowIfNull(idOrPath);
        ArgumentNullException.ThrowIfNull(source);
        if (source.File is not null) return LoadFile(source.File);
        if (File.Exists(idOrPath)) return StandardLoader.Load(idOrPath);
        if (idOrPath.Contains('/', StringComparison.Ordinal) || idOrPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            throw MigrateException.Usage($"--standard {idOrPath}: file not found; give a standard ID ({string.Join(", ", BundledStandards.Ids)}) or the path of a standard file");
        return Resolve(idOrPath, nearDirectory, source) ?? throw NotFound(idOrPath, source, $"--standard {idOrPath}: ");
    }

    /// <summary>Every standard available from <paramref name="source"/>'s folder and the bundle, by ID (the first found of each ID).</summary>
    public static IReadOnlyList<StandardDefinition> All(StandardSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.File is not null) return [LoadFile(source.File)];
        var ids = new SortedSet<string>(BundledStandards.Ids, StringComparer.Ordinal);
        if (source.Directory is { } dir)
        {
            RequireDirectory(dir);
            foreach (var folder in new[] { dir, Path.Combine(dir, "standard") }.Where(Directory.Exists))
                foreach (var sub in Directory.EnumerateDirectories(folder).Where(d => File.Exists(Path.Combine(d, "standard.yaml"))))
                    ids.Add(Path.GetFileName(sub));
        }
        return ids.Select(id => Resolve(id, null, source)!).ToList();
    }

    /// <summary>Reads just the <c>standard:</c> key of a mapping, before the standard itself is loaded.</summary>
    public static string StandardIdOf(string mappingPath)
    {
        // An overlay may leave 'standard' to the mapping it extends.
        var yaml = Mapping.MappingDocument.Load(mappingPath).Yaml;
        return yaml.RequireString(yaml.Root, "standard");
    }

    private static StandardDefinition? Resolve(string id, string? nearDirectory, StandardSource source)
    {
        if (source.Directory is { } dir)
        {
            RequireDirectory(dir);
            foreach (var candidate in new[] { Path.Combine(dir, id, "standard.yaml"), Path.Combine(dir, "standard", id, "standard.yaml") })
                if (File.Exists(candidate)) return StandardLoader.Load(candidate);
        }
        for (var directory = nearDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var candidate = Path.Combine(directory, "standard", id, "standard.yaml");
            if (File.Exists(candidate)) return StandardLoader.Load(candidate);
        }
        return BundledStandards.Load(id);
    }

    private static StandardDefinition LoadFile(string path) =>
        File.Exists(path) ? StandardLoader.Load(path) : throw MigrateException.Usage($"--standard {path}: file not found");

    private static void RequireDirectory(string dir)
    {
        // A folder the user named that is not there is a mistake, not a reason to fall back silently.
        if (!Directory.Exists(dir))
            throw MigrateException.Usage($"{dir}: standards folder not found (given by --standards or {StandardSource.EnvironmentVariable})");
    }

    private static MigrateException NotFound(string id, StandardSource source, string prefix) =>
        MigrateException.Usage($"{prefix}cannot find standard '{id}': not bundled (bundled: {string.Join(", ", BundledStandards.Ids)}), "
            + (source.Directory is { } dir ? $"not in {dir}, " : "")
            + $"and no standard/{id}/standard.yaml above the mapping; give --standards DIR (or set {StandardSource.EnvironmentVariable}) or --standard PATH");
}
