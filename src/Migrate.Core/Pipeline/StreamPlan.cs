using Migrate.Core.Mapping;

namespace Migrate.Core.Pipeline;

/// <summary>
/// How <c>migrate run</c> overlaps extract and map: the order to extract the sources in, and the
/// sources whose staging bytes go to the mapper while they are written. A source streams when one
/// table maps from it and no table joins it; every other source is extracted to its file first
/// and the tables that need it wait for that. Extracting each table's joined sources and then its
/// own source, in table order, means the extractor never waits on a mapper that waits on it.
/// </summary>
internal sealed record StreamPlan(IReadOnlyList<SourceDefinition> ExtractionOrder, IReadOnlySet<string> StreamedSources)
{
    /// <param name="tables">The tables in the order they are mapped (<see cref="Map.MapOrder"/>); the mapping's order when null.</param>
    public static StreamPlan For(MappingDefinition mapping, IReadOnlyList<TableMapping>? tables = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        tables ??= mapping.Tables;
        var readers = mapping.Tables.GroupBy(t => t.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var joined = mapping.Tables.SelectMany(t => t.Joins).Select(j => j.Source).ToHashSet(StringComparer.Ordinal);
        var streamed = mapping.Sources.Keys.Where(id => readers.GetValueOrDefault(id) == 1 && !joined.Contains(id)).ToHashSet(StringComparer.Ordinal);

        var order = new List<SourceDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string id)
        {
            if (seen.Add(id)) order.Add(mapping.Sources[id]);
        }
        foreach (var table in tables)
        {
            foreach (var join in table.Joins) Add(join.Source);
            Add(table.From);
        }
        foreach (var id in mapping.Sources.Keys) Add(id);
        return new StreamPlan(order, streamed);
    }

    /// <summary>The sources a table needs complete on disk before it is mapped: its joined sources, and its own unless that streams.</summary>
    public IEnumerable<string> WaitsFor(TableMapping table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Joins.Select(j => j.Source).Append(table.From).Where(id => !StreamedSources.Contains(id)).Distinct(StringComparer.Ordinal);
    }
}
