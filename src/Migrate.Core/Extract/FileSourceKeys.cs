using Migrate.Core.Mapping;
using Migrate.Core.Text;
using Migrate.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Extract;

/// <summary>The keys every file source has (<c>encoding</c>, <c>file</c>, <c>allow_outside</c>), read alike by each file format.</summary>
internal static class FileSourceKeys
{
    /// <summary>The source's <c>encoding</c>: required, and one migrate can decode.</summary>
    public static string ReadEncoding(YamlFile yaml, string id, YamlMappingNode source)
    {
        var encodingNode = yaml.Require(source, "encoding");
        var encoding = yaml.Scalar(encodingNode);
        if (!LegacyEncodings.IsKnown(encoding))
            throw yaml.Error(encodingNode, $"source '{id}': unknown encoding '{encoding}'{DidYouMean.Hint(encoding, LegacyEncodings.Names)}; use one of {string.Join(", ", LegacyEncodings.Names)}");
        return encoding;
    }

    /// <summary>A file source whose path stays inside --source unless it says <c>allow_outside: true</c>.</summary>
    public static SourceDefinition Confined(YamlFile yaml, YamlMappingNode node, SourceDefinition source)
    {
        var allow = yaml.Bool(node, ConfinedPath.AllowKey, false);
        ConfinedPath.CheckWritten(yaml, yaml.Require(node, "file"), source.File, allow, $"source '{source.Id}': file");
        return source with { AllowOutside = allow };
    }
}
