using Migrate.Core.Mapping;

namespace Migrate.Core.Pipeline;

/// <summary>
/// How <c>migrate run</c> overlaps extract and map: the order to extract the sources in, and the
/// sources whose staged records go to the mapper while they are written. A source streams when one
/// table reads it once: maps from it, or joins it (the join index is built from the records as they
/// come); every other source is extracted to its file first and the tables that need it wait for
/// that. Per table, in table order, the extractor takes first the sources the table waits for, then
/// its streamed joined sources in join order, then its own source: the order the mapper reads them,
/// so the extractor never waits on a mapper that waits on it.
/// </summary>
internal sealed record StreamPlan(IReadOnlyList<SourceDefinition> ExtractionOrder, IReadOnlySet<string> StreamedSources)
{
    /// <param name="tables">The tables in the order they are mapped (<see cref="Map.MapOrder"/>); the mapping's order when null.</param>
    public static StreamPlan For(MappingDefinition mapping, IReadOnlyList<TableMapping>? tables = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        tables ??= mapping.Tables;
        // Every read of a source by a table: as its source, or as one of its joins.
        var reads = mapping.Tables.SelectMany(t => t.Joins.Select(j => j.Source).Append(t.From))
            .GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var streamed = mapping.Sources.Keys.Where(id => reads.GetValueOrDefault(id) == 1).ToHashSet(StringComparer.Ordinal);

        var order = new List<SourceDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string id)
        {
            if (seen.Add(id)) order.Add(mapping.Sources[id]);
        }
        foreach (var table in tables)
        {
            var needed = table.Joins.Select(j => j.Source).Append(table.From).ToList();
            foreach (var id in needed.Where(id => !streamed.Contains(id))) Add(id);
            foreach (var id in needed.Where(streamed.Contains)) Add(id);
        }
        foreach (var id in mapping.Sources.Keys) Add(id);
        return new StreamPlan(order, streamed);
    }

    /// <summary>The sources a table needs complete on disk before it is mapped: its joined sources and its own, unless they stream.</summary>
    public IEnumerable<string> WaitsFor(TableMapping table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Joins.Select(j => j.Source).Append(table.From).Where(id => !StreamedSources.Contains(id)).Distinct(StringComparer.Ordinal);
    }
}
