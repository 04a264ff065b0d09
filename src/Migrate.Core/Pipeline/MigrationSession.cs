using Migrate.Core.Mapping;
using Migrate.Core.Mapping.Loading;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>The loaded standard and mapping and the work directory one command works on.</summary>
public sealed record MigrationSession(StandardDefinition Standard, MappingDefinition Mapping, WorkDirectory Work)
{
    /// <summary>Opens a mapping with its standard resolved by <see cref="StandardResolver"/> (null: beside the mapping, else bundled).</summary>
    public static MigrationSession Open(string mappingPath, StandardSource? standardSource, string workDirectory)
    {
        var standard = StandardResolver.ForMapping(mappingPath, standardSource ?? StandardSource.Default);
        var mapping = MappingLoader.Load(mappingPath, standard);
        return new MigrationSession(standard, mapping, new WorkDirectory(workDirectory));
    }
}
