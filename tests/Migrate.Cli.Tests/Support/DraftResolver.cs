using YamlDotNet.RepresentationModel;

namespace Migrate.Cli.Tests.Support;

/// <summary>
/// Resolves an init draft's <c>todo:</c> markers the way a hand-written mapping decides them: each
/// unresolved code value takes the value the hand-written mapping gives it in the code table its item
/// uses (or is left out, so 'unknown: reject' applies, when the hand-written mapping does not list it);
/// the hand-written 外字 table and filters are taken over, as a contractor copies them from the vendor.
/// An item the hand-written mapping derives and the draft has no entry for (法第30条の45の区分 from
/// 在留資格: a decision, not something a header names) is added with its code table, as the contractor
/// adds it, as is one the draft left as a <c>todo:</c>; the draft's own derivations are never replaced.
/// </summary>
public static class DraftResolver
{
    private static bool IsTodo(YamlNode node) => node is YamlMappingNode map && map.Children.ContainsKey(new YamlScalarNode("todo"));

    public static string Resolve(string draftText, string handWrittenText)
    {
        var draft = Load(draftText);
        var hand = Load(handWrittenText);
        var draftTables = Map(draft, "tables");
        var handTables = Map(hand, "tables");
        var draftCodes = Map(draft, "code_tables");
        var handCodes = Map(hand, "code_tables");
        foreach (var (tableKey, tableNode) in draftTables.Children)
        {
            var tableId = ((YamlScalarNode)tableKey).Value!;
            var items = Map((YamlMappingNode)tableNode, "items");
            var handTable = (YamlMappingNode)handTables.Children[new YamlScalarNode(tableId)];
            var handItems = Map(handTable, "items");
            if (handTable.Children.TryGetValue(new YamlScalarNode("filters"), out var filters))
                ((YamlMappingNode)tableNode).Children[new YamlScalarNode("filters")] = filters;
            foreach (var (itemKey, itemNode) in items.Children.ToList())
            {
                var draftTable = CodeTableOf(itemNode);
                if (draftTable is null) continue;
                var handTableId = handItems.Children.TryGetValue(itemKey, out var handItem) ? CodeTableOf(handItem) : null;
                var values = Map((YamlMappingNode)draftCodes.Children[new YamlScalarNode(draftTable)], "values");
                var handValues = handTableId is null ? null : Map((YamlMappingNode)handCodes.Children[new YamlScalarNode(handTableId)], "values");
                foreach (var (legacy, target) in values.Children.ToList())
                {
                    if (target is not YamlMappingNode) continue; // decided by init already
                    if (handValues is not null && handValues.Children.TryGetValue(legacy, out var decided)) values.Children[legacy] = decided;
                    else values.Children.Remove(legacy);
                }
            }
            // An item the draft left as a todo is one it did not derive: the contractor's answer is the hand-written one.
            foreach (var (itemKey, handItem) in handItems.Children.Where(h => !items.Children.TryGetValue(h.Key, out var mine) || IsTodo(mine)).ToList())
            {
                items.Children[itemKey] = handItem;
                if (CodeTableOf(handItem) is { } handTableId)
                {
                    var key = new YamlScalarNode(handTableId);
                    if (draftCodes.Children.ContainsKey(key)) throw new InvalidOperationException($"the draft already has a code table '{handTableId}'");
                    draftCodes.Children[key] = handCodes.Children[key];
                }
            }
        }
        draft.Children[new YamlScalarNode("gaiji")] = hand.Children[new YamlScalarNode("gaiji")];
        var stream = new YamlStream(new YamlDocument(draft));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    // 'code: standard' names no code table: the column already holds the standard list's codes.
    private static string? CodeTableOf(YamlNode item) =>
        item is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("do"), out var steps) && steps is YamlSequenceNode list
            ? list.Children.OfType<YamlMappingNode>().SelectMany(s => s.Children)
                .Where(kv => ((YamlScalarNode)kv.Key).Value == "code").Select(kv => ((YamlScalarNode)kv.Value).Value)
                .FirstOrDefault(name => name != Migrate.Core.Transforms.TransformFactory.StandardCodes)
            : null;
}
