using Migrate.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Migrate.Core.Yaml;

/// <summary>
/// Limits checked on the parser's events before a document is built: YamlDotNet builds nodes
/// recursively (100,000 nested lists overflowed the stack and killed the process) and every alias is a
/// reference to its anchor's whole subtree, which the loader then walks and hashes once per alias (a
/// 10-level "billion laughs" never finished). A mapping is at most a few levels deep and has no use for
/// more than a few thousand aliased nodes, so both bounds are far above any real file.
/// </summary>
internal static class YamlBounds
{
    public const int MaxDepth = 64;
    public const long MaxAliasedNodes = 100_000;

    /// <summary>Reads the whole text once; throws a usage error at the offending line when a bound is passed.</summary>
    public static void Check(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(new StringReader(text));
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        // One frame per open collection: its anchor (if any) and the nodes inside it so far.
        var frames = new Stack<(string? Anchor, long Nodes)>();
        long aliased = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    if (frames.Count >= MaxDepth)
                        throw At(path, parser.Current, $"the YAML is nested more than {MaxDepth} levels deep; a mapping file never needs that");
                    var anchor = ((NodeEvent)parser.Current).Anchor;
                    frames.Push((anchor.IsEmpty ? null : anchor.Value, 1));
                    break;
                case MappingEnd or SequenceEnd:
                    var done = frames.Pop();
                    if (done.Anchor is not null) sizes[done.Anchor] = done.Nodes;
                    Add(frames, done.Nodes);
                    break;
                case Scalar scalar:
                    if (!scalar.Anchor.IsEmpty) sizes[scalar.Anchor.Value] = 1;
                    Add(frames, 1);
                    break;
                case AnchorAlias alias:
                    var size = sizes.TryGetValue(alias.Value.Value, out var known) ? known : 1;
                    aliased += size;
                    if (aliased > MaxAliasedNodes)
                        throw At(path, alias, $"YAML aliases (*{alias.Value.Value}) repeat more than {MaxAliasedNodes:N0} nodes; write the values out, or use fewer aliases");
                    Add(frames, size);
                    break;
            }
        }
    }

    private static void Add(Stack<(string? Anchor, long Nodes)> frames, long nodes)
    {
        if (frames.Count == 0) return;
        var top = frames.Pop();
        frames.Push((top.Anchor, top.Nodes + nodes));
    }

    private static MigrateException At(string path, ParsingEvent e, string message) =>
        MigrateException.UsageAt(new SourcePosition(path, e.Start.Line, e.Start.Column), message);
}
