using Migrate.Core.Text;
using Migrate.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Mapping;

/// <summary>A column named in a mapping must be one its source declares: refused at the node that names it.</summary>
internal static class SourceColumns
{
    public static void Check(YamlFile yaml, YamlNode node, string column, SourceDefinition source)
    {
        if (!source.Columns.Contains(column, StringComparer.Ordinal))
            throw yaml.Error(node, $"source '{source.Id}' has no column '{column}'{DidYouMean.Hint(column, source.Columns)}");
    }
}
