using Migrate.Core.Diagnostics;
using Migrate.Core.Work;
using Migrate.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Mapping;

/// <summary>
/// A mapping file with everything it <c>extends</c> merged in (vendor → region → municipality): the
/// effective document, the files it came from (base first) and one checksum over all of them.
/// <c>extends</c> is a path relative to the file that writes it.
/// </summary>
public sealed record MappingDocument(YamlFile Yaml, IReadOnlyList<string> Files, string Sha256)
{
    public const string ExtendsKey = "extends";

    public static MappingDocument Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var origins = new Dictionary<YamlNode, SourcePosition>(ReferenceEqualityComparer.Instance);
        var files = new List<string>();
        var root = Resolve(Path.GetFullPath(path), path, [], origins, files);
        var yaml = YamlFile.Composed(path, root, origins);
        var sha = files.Count == 1
            ? FileHash.Sha256(files[0])
            : FileHash.Sha256Text(string.Concat(files.Select(f => $"{FileHash.Sha256(f)}  {Path.GetFileName(f)}\n")));
        return new MappingDocument(yaml, files, sha);
    }

    /// <summary>The effective mapping as YAML (comments are not kept).</summary>
    public string Effective() => YamlMerge.Write(Yaml.Root);

    private static YamlMappingNode Resolve(string fullPath, string shownPath, List<string> chain,
        Dictionary<YamlNode, SourcePosition> origins, List<string> files)
    {
        var yaml = YamlFile.Load(shownPath);
        YamlMerge.RecordOrigins(shownPath, yaml.Root, origins);
        chain.Add(fullPath);
        var extendsNode = yaml.Get(yaml.Root, ExtendsKey);
        YamlMappingNode own = yaml.Root;
        if (extendsNode is null)
        {
            files.Add(fullPath);
            return own;
        }

        var relative = yaml.Scalar(extendsNode);
        if (relative.Length == 0) throw yaml.Error(extendsNode, "'extends' names the mapping this one overlays, e.g. ../../vendors/vendor-a/juki.yaml");
        var baseFull = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fullPath) ?? ".", relative));
        // Messages show the base the way the user named the top file: absolute, or relative to the current folder.
        var baseShown = Path.IsPathRooted(shownPath) ? baseFull : Path.GetRelativePath(Environment.CurrentDirectory, baseFull);
        if (chain.Contains(baseFull, StringComparer.Ordinal))
        {
            var cycle = chain.SkipWhile(f => f != baseFull).Append(baseFull).Select(f => Path.GetRelativePath(Path.GetDirectoryName(chain[0]) ?? ".", f));
            throw yaml.Error(extendsNode, $"overlays extend each other in a cycle: {string.Join(" → ", cycle)}; one of them must not extend the others");
        }
        if (!File.Exists(baseFull))
            throw yaml.Error(extendsNode, $"'extends' names {relative}, which does not exist (looked for {baseFull}); the path is relative to this file");

        var baseRoot = Resolve(baseFull, baseShown, chain, origins, files);
        files.Add(fullPath);
        own = new YamlMappingNode(yaml.Root.Children.Where(kv => kv.Key is not YamlScalarNode { Value: ExtendsKey })) { Style = yaml.Root.Style };
        origins[own] = origins[yaml.Root];
        return (YamlMappingNode)YamlMerge.Merge(baseRoot, own, origins);
    }
}
