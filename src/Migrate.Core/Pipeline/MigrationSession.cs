using Migrate.Core.Mapping;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>The loaded standard and mapping and the work directory one command works on.</summary>
public sealed record MigrationSession(StandardDefinition Standard, MappingDefinition Mapping, WorkDirectory Work)
{
    public static MigrationSession Open(string mappingPath, string? standardPath, string workDirectory)
    {
        var standard = StandardLoader.Load(standardPath ?? StandardLocator.Locate(mappingPath, StandardLocator.StandardIdOf(mappingPath)));
        var mapping = MappingLoader.Load(mappingPath, standard);
        return new MigrationSession(standard, mapping, new WorkDirectory(workDirectory));
    }
}
