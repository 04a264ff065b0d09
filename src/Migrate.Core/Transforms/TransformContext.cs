using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Standard;
using Migrate.Core.Yaml;

namespace Migrate.Core.Transforms;

/// <summary>What a transform factory needs to build one step: the mapping, the target item and the place in the file.</summary>
internal sealed record TransformContext(MappingDefinition Mapping, StandardDefinition Standard, StandardItem Item, SourceDefinition Source, TransformSpec Spec, YamlFile Yaml)
{
    public MigrateException Error(string message) =>
        MigrateException.UsageAt(Spec.Position, $"transform '{Spec.Name}' of item '{Item.Id}': {message}");

    public string RequireScalarArgument(string what)
    {
        if (Spec.Argument is null) throw Error($"needs {what}, e.g. {{ {Spec.Name}: ... }}");
        return Yaml.Scalar(Spec.Argument);
    }

    public YamlDotNet.RepresentationModel.YamlMappingNode RequireMappingArgument(string what) =>
        Spec.Argument as YamlDotNet.RepresentationModel.YamlMappingNode ?? throw Error($"needs {what}");

    public void NoArgument()
    {
        if (Spec.Argument is not null) throw Error("takes no argument");
    }
}
