using Migrate.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Yaml;

/// <summary>
/// Deep merge of YAML documents for mapping overlays: mappings merge key by key with the overlay
/// winning, everything else (scalars and lists) is replaced whole by the overlay. The original
/// nodes are reused, and every node's origin (file, line, column) is kept in a side table, so an
/// error in the merged document still points at the file and line where the node was written.
/// </summary>
internal static class YamlMerge
{
    /// <summary>Records the origin of every node of a document read from <paramref name="path"/>.</summary>
    public static void RecordOrigins(string path, YamlNode node, IDictionary<YamlNode, SourcePosition> origins)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(origins);
        origins[node] = new SourcePosition(path, node.Start.Line, node.Start.Column);
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    RecordOrigins(path, key, origins);
                    RecordOrigins(path, value, origins);
                }
                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children) RecordOrigins(path, child, origins);
                break;
        }
    }

    /// <summary>
    /// <paramref name="overlay"/> over <paramref name="baseNode"/>. Keys keep the base's order; keys only
    /// the overlay has come after them in the overlay's order.
    /// </summary>
    public static YamlNode Merge(YamlNode baseNode, YamlNode overlay, IDictionary<YamlNode, SourcePosition> origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        if (baseNode is not YamlMappingNode baseMap || overlay is not YamlMappingNode overlayMap) return overlay;

        var merged = new YamlMappingNode { Style = baseMap.Style };
        if (origins.TryGetValue(overlayMap, out var origin)) origins[merged] = origin;
        foreach (var (key, value) in baseMap.Children)
        {
            var overlayEntry = overlayMap.Children.FirstOrDefault(kv => SameKey(kv.Key, key));
            if (overlayEntry.Key is null) merged.Add(key, value);
            else merged.Add(overlayEntry.Key, Merge(value, overlayEntry.Value, origins));
        }
        foreach (var (key, value) in overlayMap.Children)
            if (!baseMap.Children.Keys.Any(k => SameKey(k, key))) merged.Add(key, value);
        return merged;
    }

    private static bool SameKey(YamlNode a, YamlNode b) =>
        a is YamlScalarNode sa && b is YamlScalarNode sb ? string.Equals(sa.Value, sb.Value, StringComparison.Ordinal) : a.Equals(b);

    /// <summary>Writes a document as YAML (the effective mapping of an overlay chain).</summary>
    public static string Write(YamlMappingNode root)
    {
        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // YamlDotNet ends a document with "...": not needed for a single document.
        return text.EndsWith("...\n", StringComparison.Ordinal) || text.EndsWith("..." + Environment.NewLine, StringComparison.Ordinal)
            ? text[..text.LastIndexOf("...", StringComparison.Ordinal)]
            : text;
    }
}
