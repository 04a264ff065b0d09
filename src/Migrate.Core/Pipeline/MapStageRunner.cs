using Migrate.Core.Manifests;
using Migrate.Core.Map;
using Migrate.Core.Mapping;
using Migrate.Core.Standard;
using Migrate.Core.Transforms;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>Maps every table of the mapping and gathers what the report needs (column usage, code values, 外字, lossy steps).</summary>
internal static class MapStageRunner
{
    /// <param name="beforeTable">Awaited before each table is mapped (<c>migrate run</c> waits there for the sources the table needs).</param>
    /// <param name="ledger">Told about every record's person, for the 支援措置 integrity rules.</param>
    /// <param name="handoffs">In <c>migrate run</c>: the staged records to map and where the mapped ones go besides their files.</param>
    public static async Task<MapStage> RunAsync(MappingDefinition mapping, StandardDefinition standard, WorkDirectory work,
        Func<string, IProgress<long>?>? progressFor, CancellationToken cancellationToken, Func<TableMapping, CancellationToken, Task>? beforeTable = null,
        Integrity.PersonLedger? ledger = null, StageHandoffs? handoffs = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(work);
        var observations = new Observations();
        var results = new List<TableMapResult>();
        var usage = new Dictionary<string, (long Records, long[] NonEmpty, HashSet<string> Used)>(StringComparer.Ordinal);
        var joinedUsage = new Dictionary<string, (long Records, long[] NonEmpty)>(StringComparer.Ordinal);
        var usedBySource = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        foreach (var tableMapping in MapOrder.Tables(mapping, standard))
        {
            if (beforeTable is not null) await beforeTable(tableMapping, cancellationToken);
            var compiled = CompiledTable.Compile(mapping, standard, tableMapping);
            var mapper = new TableMapper(compiled, work, observations, ledger, standard.Persons, handoffs);
            var result = await mapper.MapAsync(progressFor?.Invoke(tableMapping.TableId), cancellationToken);
            results.Add(mapper.JoinResults.Count > 0 ? result with { Joins = mapper.JoinResults } : result);
            if (!usage.TryGetValue(compiled.Source.Id, out var u))
                usage[compiled.Source.Id] = (result.Read, mapper.ColumnNonEmpty, new HashSet<string>(StringComparer.Ordinal));
            foreach (var (joined, (records, nonEmpty)) in mapper.JoinedUsage)
                joinedUsage.TryAdd(joined, (records, nonEmpty.ToArray()));
            // Columns of joined sources are used as SOURCE.COLUMN.
            foreach (var column in compiled.UsedColumns)
            {
                var (sourceId, name) = TableSources.Split(column, compiled.Source.Id);
                if (!usedBySource.TryGetValue(sourceId, out var set)) usedBySource[sourceId] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(name);
            }
        }
        foreach (var (sourceId, joined) in joinedUsage)
            usage.TryAdd(sourceId, (joined.Records, joined.NonEmpty, new HashSet<string>(StringComparer.Ordinal)));
        foreach (var (sourceId, set) in usedBySource)
            if (usage.TryGetValue(sourceId, out var u)) u.Used.UnionWith(set);

        var sources = mapping.Sources.Values
            .Select(s => usage.TryGetValue(s.Id, out var u)
                ? new SourceUsage(s.Id, s.File, u.Records, s.Columns.Select((c, i) => new ColumnUsage(c, u.NonEmpty[i], u.Used.Contains(c))).ToList())
                : new SourceUsage(s.Id, s.File, 0, []))
            .ToList();

        // The manifest lists the tables in the mapping's order, whatever order they were mapped in.
        results = [.. mapping.Tables.Select(t => results.First(r => r.TableId == t.TableId))];
        return new MapStage(DateTimeOffset.UtcNow, results, sources,
            observations.Codes.Select(kv => new CodeObservation(kv.Key.Item, kv.Key.CodeTable, kv.Key.Legacy, kv.Key.Standard, kv.Key.Conversion, kv.Value))
                .OrderBy(c => c.Item, StringComparer.Ordinal).ThenBy(c => c.Legacy, StringComparer.Ordinal).ThenBy(c => c.Conversion).ToList(),
            observations.Gaiji.Select(kv => new GaijiObservation(kv.Key.Item, GaijiTable.CodePointToCp932Label(kv.Key.CodePoint), kv.Key.CodePoint, kv.Key.Resolution, kv.Value))
                .OrderBy(g => g.CodePoint).ThenBy(g => g.Item, StringComparer.Ordinal).ToList(),
            observations.Lossy.Select(kv => new LossyObservation(kv.Key.Item, kv.Key.Kind, kv.Value))
                .OrderBy(l => l.Item, StringComparer.Ordinal).ThenBy(l => l.Kind, StringComparer.Ordinal).ToList())
        {
            OutsideJis = observations.OutsideJis.Select(kv => new CharacterObservation(kv.Key.Item, kv.Key.CodePoint, kv.Value))
                .OrderBy(c => c.CodePoint).ThenBy(c => c.Item, StringComparer.Ordinal).ToList(),
        };
    }
}
