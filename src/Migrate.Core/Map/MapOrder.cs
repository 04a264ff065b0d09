using Migrate.Core.Mapping;
using Migrate.Core.Standard;

namespace Migrate.Core.Map;

/// <summary>
/// The order tables are mapped (and, in <c>migrate run</c>, extracted and loaded) in: critical tables
/// first, then the rest in the mapping's order. Critical tables are small (支援措置 rows), and knowing
/// the persons they name before the person table passes lets each person row be checked against them
/// as it goes, instead of keeping every person key of the run.
/// </summary>
internal static class MapOrder
{
    public static IReadOnlyList<TableMapping> Tables(MappingDefinition mapping, StandardDefinition standard)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(standard);
        return [.. mapping.Tables.Where(t => standard.FindTable(t.TableId)?.Critical == true),
            .. mapping.Tables.Where(t => standard.FindTable(t.TableId)?.Critical != true)];
    }
}
