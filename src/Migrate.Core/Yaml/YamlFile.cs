using System.Globalization;
using Migrate.Core.Diagnostics;
using Migrate.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Yaml;

/// <summary>
/// A YAML document read through the representation model, so that every value keeps its line and
/// column and every error can point at the exact place in the file.
/// </summary>
public sealed class YamlFile
{
    private readonly IReadOnlyDictionary<YamlNode, SourcePosition>? _origins;

    private YamlFile(string path, YamlMappingNode root, IReadOnlyDictionary<YamlNode, SourcePosition>? origins = null)
    {
        Path = path;
        Root = root;
        _origins = origins;
    }

    /// <summary>
    /// A document merged from several files (an overlay and what it extends): <paramref name="origins"/>
    /// (by node reference) gives the file, line and column each node was written at, so errors point there.
    /// </summary>
    public static YamlFile Composed(string path, YamlMappingNode root, IReadOnlyDictionary<YamlNode, SourcePosition> origins) =>
        new(path, root, origins);

    public string Path { get; }
    public YamlMappingNode Root { get; }

    public static YamlFile Load(string path)
    {
        if (!File.Exists(path)) throw MigrateException.Usage($"{path}: file not found");
        using var reader = new StreamReader(path);
        return Parse(path, reader);
    }

    /// <summary>A document read from <paramref name="reader"/> (e.g. a standard embedded in the assembly); <paramref name="path"/> names it in errors.</summary>
    public static YamlFile Parse(string path, TextReader reader)
    {
        try
        {
            var text = reader.ReadToEnd();
            YamlBounds.Check(path, text);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
                throw MigrateException.UsageAt(new SourcePosition(path, 1, 1), "expected a YAML mapping (key: value lines) at the top of the file");
            return new YamlFile(path, root);
        }
        catch (YamlException e)
        {
            throw MigrateException.UsageAt(new SourcePosition(path, e.Start.Line, e.Start.Column), $"YAML syntax error: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way (without a position) on some unterminated flow collections.
            throw MigrateException.Usage($"{path}: YAML syntax error: a '[' or '{{' is not closed, or a value is not quoted where it must be");
        }
    }

    public MigrateException Error(YamlNode node, string message) =>
        MigrateException.UsageAt(Position(node), message);

    public SourcePosition Position(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return _origins is not null && _origins.TryGetValue(node, out var origin)
            ? origin
            : new(Path, node.Start.Line, node.Start.Column);
    }

    /// <summary>Rejects keys this section does not know, suggesting the closest known one.</summary>
    public void AllowOnly(YamlMappingNode map, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = Scalar(key);
            if (!allowed.Contains(name, StringComparer.Ordinal))
                throw Error(key, $"unknown key '{name}'{DidYouMean.Hint(name, allowed)}; allowed here: {string.Join(", ", allowed)}");
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Read beside the other accessors of this file.")]
    public YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public YamlNode Require(YamlMappingNode map, string key) =>
        Get(map, key) ?? throw Error(map, $"missing required key '{key}'");

    public string Scalar(YamlNode node) => node is YamlScalarNode { Value: var v }
        ? v ?? ""
        : throw Error(node, "expected a single value here, not a list or mapping");

    public string? String(YamlMappingNode map, string key) => Get(map, key) is { } n ? Scalar(n) : null;

    public string RequireString(YamlMappingNode map, string key)
    {
        var node = Require(map, key);
        var value = Scalar(node);
        return value.Length == 0 ? throw Error(node, $"'{key}' must not be empty") : value;
    }

    public bool Bool(YamlMappingNode map, string key, bool defaultValue)
    {
        if (Get(map, key) is not { } node) return defaultValue;
        return Scalar(node) switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            var other => throw Error(node, $"'{key}' must be true or false, not '{other}'"),
        };
    }

    public int? Int(YamlMappingNode map, string key)
    {
        if (Get(map, key) is not { } node) return null;
        return int.TryParse(Scalar(node), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error(node, $"'{key}' must be a whole number");
    }

    public DateOnly? Date(YamlMappingNode map, string key)
    {
        if (Get(map, key) is not { } node) return null;
        return DateOnly.TryParseExact(Scalar(node), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw Error(node, $"'{key}' must be a date written YYYY-MM-DD");
    }

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping (key: value lines)");

    public YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list");

    public IReadOnlyList<string> StringList(YamlMappingNode map, string key)
    {
        if (Get(map, key) is not { } node) return [];
        if (node is YamlScalarNode) return [Scalar(node)];
        return Sequence(node, $"'{key}'").Children.Select(Scalar).ToList();
    }

    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode map) =>
        map.Children.Select(kv => (Scalar(kv.Key), kv.Key, kv.Value));
}
