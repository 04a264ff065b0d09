using Migrate.Core.Diagnostics;

namespace Migrate.Core.Pipeline;

/// <summary>
/// Finds the standard a mapping names: mappings/vendors/&lt;vendor&gt;/x.yaml names standard 'juki', which is
/// looked up as standard/juki/standard.yaml in the mapping's folder or any folder above it.
/// </summary>
public static class StandardLocator
{
    public static string Locate(string mappingPath, string standardId)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(mappingPath));
        while (directory is not null)
        {
            var candidate = Path.Combine(directory, "standard", standardId, "standard.yaml");
            if (File.Exists(candidate)) return candidate;
            directory = Path.GetDirectoryName(directory);
        }
        throw MigrateException.Usage($"{mappingPath}: cannot find standard '{standardId}' (looked for standard/{standardId}/standard.yaml above the mapping); give --standard PATH");
    }

    /// <summary>Reads just the 'standard:' line of a mapping, before the standard itself is loaded.</summary>
    public static string StandardIdOf(string mappingPath)
    {
        // An overlay may leave 'standard' to the mapping it extends.
        var yaml = Mapping.MappingDocument.Load(mappingPath).Yaml;
        return yaml.RequireString(yaml.Root, "standard");
    }
}
