using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Check;

/// <summary>Finds where a key was written in a loaded mapping (any file of an overlay chain).</summary>
internal static class MappingPositions
{
    /// <summary>The position of the key at <paramref name="path"/> (e.g. code_tables, zokugara), or null when it is not written.</summary>
    public static SourcePosition? Of(MappingDefinition mapping, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(path);
        if (mapping.Document?.Yaml is not { } yaml) return null;
        YamlNode node = yaml.Root;
        SourcePosition? found = null;
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map) return null;
            var entry = map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: var v } && v == key);
            if (entry.Key is null) return null;
            found = yaml.Position(entry.Key);
            node = entry.Value;
        }
        return found;
    }
}
