using Migrate.Core.Diagnostics;
using Migrate.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Mapping;

/// <summary>
/// <c>todo: "…why…"</c> anywhere in a mapping (an item, a code table value, a table) marks a decision
/// nobody has made yet: <c>init</c> writes one wherever it cannot decide instead of a placeholder that
/// would load. A marker never loads: <c>check</c> reports each as an error at its line and column, and
/// <c>run</c> (strict loading) refuses at the first. After reporting, the marked entries are removed
/// from the document so the rest of the mapping is still checked without errors about the markers.
/// </summary>
internal static class UnresolvedMarkers
{
    public const string Key = "todo";
    public const string Code = "mapping.unresolved";

    /// <summary>One marker: where its <c>todo</c> key is, the path of the entry it stands for, and the reason written.</summary>
    public sealed record Marker(SourcePosition Position, IReadOnlyList<string> Path, string Reason)
    {
        public string Where => string.Join('.', Path);
    }

    /// <summary>Every marker in the document, in document order, without changing it.</summary>
    public static IReadOnlyList<Marker> Find(YamlFile yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var found = new List<Marker>();
        Walk(yaml, yaml.Root, [], found, prune: false);
        return found;
    }

    /// <summary>
    /// Reports every marker into <paramref name="bag"/> (strict: throws for the first, counting the
    /// others) and removes the marked entries from the document.
    /// </summary>
    public static void Report(YamlFile yaml, DiagnosticBag bag)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(bag);
        var found = new List<Marker>();
        Walk(yaml, yaml.Root, [], found, prune: true);
        if (found.Count == 0) return;
        if (bag.StopAtFirst)
        {
            var first = found[0];
            var more = found.Count > 1 ? $"; {found.Count - 1} more unresolved marker(s) follow ('migrate check --mapping {yaml.Path}' lists them all)" : "";
            throw MigrateException.UsageAt(first.Position, Message(first) + more);
        }
        foreach (var marker in found) bag.Add(new Diagnostic(DiagnosticSeverity.Error, Code, marker.Position, Message(marker)));
    }

    private static string Message(Marker marker) =>
        $"unresolved {marker.Where}: {marker.Reason} — decide, write the answer in place of the 'todo' entry, and check again";

    private static void Walk(YamlFile yaml, YamlNode node, List<string> path, List<Marker> found, bool prune)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children.ToList())
                {
                    var name = key is YamlScalarNode { Value: { } v } ? v : "?";
                    path.Add(name);
                    if (value is YamlMappingNode child && MarkerOf(child) is { } reasonNode)
                    {
                        found.Add(new Marker(yaml.Position(reasonNode.Key), path.ToList(), ReasonText(reasonNode.Value)));
                        if (prune) map.Children.Remove(key);
                    }
                    else
                    {
                        Walk(yaml, value, path, found, prune);
                    }
                    path.RemoveAt(path.Count - 1);
                }
                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    path.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Walk(yaml, list.Children[i], path, found, prune);
                    path.RemoveAt(path.Count - 1);
                }
                break;
        }
    }

    private static KeyValuePair<YamlNode, YamlNode>? MarkerOf(YamlMappingNode map)
    {
        foreach (var entry in map.Children)
            if (entry.Key is YamlScalarNode { Value: Key }) return entry;
        return null;
    }

    private static string ReasonText(YamlNode node) => node is YamlScalarNode { Value: { Length: > 0 } text } ? text : "(no reason written)";
}
