using Migrate.Core.Extract;
using Migrate.Core.Map;
using Migrate.Core.Standard;

namespace Migrate.Core.Manifests;

/// <summary>
/// One mapped table as the outcome rules judge it: records read from its source (the extractor's
/// count when it has one), rejected at extract and map together, and loaded. <c>run</c> and
/// <c>load</c> refuse on these facts (<c>Pipeline.OutcomeRules</c>) and <c>check --source</c> predicts
/// the same refusals from them (<c>Check.PredictedOutcome</c>), so the two cannot drift apart.
/// </summary>
internal sealed record TableOutcome(TableMapResult Table, ExtractResult? Source, long Read, long Rejected)
{
    /// <summary>Every mapped table of the manifest, in the manifest's order.</summary>
    public static IEnumerable<TableOutcome> Of(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        foreach (var table in manifest.Map?.Tables ?? [])
        {
            var source = manifest.Extract?.Sources.FirstOrDefault(s => s.SourceId == table.SourceId);
            yield return new TableOutcome(table, source, source?.Records ?? table.Read, (source?.Rejected ?? 0) + table.Rejected);
        }
    }

    public string TableId => Table.TableId;

    /// <summary>Its source had records, and none would be loaded.</summary>
    public bool LoadsNothing => Read > 0 && Table.Mapped == 0;

    /// <summary>The standard's person table read from a source without records: an export without residents is not complete.</summary>
    public bool HasNoPersons(StandardDefinition standard) => Read == 0 && Table.TableId == standard?.Persons?.TableId;

    /// <summary>Records of 支援措置 persons rejected or filtered at map.</summary>
    public bool LosesCritical => Table.CriticalFailures.Count > 0;
}
