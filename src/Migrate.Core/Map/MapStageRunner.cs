using Migrate.Core.Mapping;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Map;

/// <summary>Maps every table of the mapping and gathers what the report needs (column usage, code values, 外字, lossy steps).</summary>
public static class MapStageRunner
{
    public static async Task<MapStage> RunAsync(MappingDefinition mapping, StandardDefinition standard, WorkDirectory work,
        Func<string, IProgress<long>?>? progressFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(work);
        var observations = new Observations();
        var results = new List<TableMapResult>();
        var usage = new Dictionary<string, (long Records, long[] NonEmpty, HashSet<string> Used)>(StringComparer.Ordinal);

        foreach (var tableMapping in mapping.Tables)
        {
            var compiled = CompiledTable.Compile(mapping, standard, tableMapping);
            var mapper = new TableMapper(compiled, work, observations);
            var result = await mapper.MapAsync(progressFor?.Invoke(tableMapping.TableId), cancellationToken);
            results.Add(result);
            if (!usage.TryGetValue(compiled.Source.Id, out var u))
                usage[compiled.Source.Id] = (result.Read, mapper.ColumnNonEmpty, new HashSet<string>(compiled.UsedColumns, StringComparer.Ordinal));
            else
                u.Used.UnionWith(compiled.UsedColumns);
        }

        var sources = mapping.Sources.Values
            .Select(s => usage.TryGetValue(s.Id, out var u)
                ? new SourceUsage(s.Id, s.File, u.Records, s.Columns.Select((c, i) => new ColumnUsage(c, u.NonEmpty[i], u.Used.Contains(c))).ToList())
                : new SourceUsage(s.Id, s.File, 0, []))
            .ToList();

        return new MapStage(DateTimeOffset.UtcNow, results, sources,
            observations.Codes.Select(kv => new CodeObservation(kv.Key.Item, kv.Key.CodeTable, kv.Key.Legacy, kv.Key.Standard, kv.Key.Conversion, kv.Value))
                .OrderBy(c => c.Item, StringComparer.Ordinal).ThenBy(c => c.Legacy, StringComparer.Ordinal).ThenBy(c => c.Conversion).ToList(),
            observations.Gaiji.Select(kv => new GaijiObservation(kv.Key.Item, GaijiTable.CodePointToCp932Label(kv.Key.CodePoint), kv.Key.CodePoint, kv.Key.Resolution, kv.Value))
                .OrderBy(g => g.CodePoint).ThenBy(g => g.Item, StringComparer.Ordinal).ToList(),
            observations.Lossy.Select(kv => new LossyObservation(kv.Key.Item, kv.Key.Kind, kv.Value))
                .OrderBy(l => l.Item, StringComparer.Ordinal).ThenBy(l => l.Kind, StringComparer.Ordinal).ToList());
    }
}
