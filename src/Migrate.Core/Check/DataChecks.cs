using System.Globalization;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Manifests;
using Migrate.Core.Map;
using Migrate.Core.Mapping;
using Migrate.Core.Pipeline;
using Migrate.Core.Standard;
using Migrate.Core.Transforms;
using Migrate.Core.Work;

namespace Migrate.Core.Check;

/// <summary>
/// Checks a mapping against real legacy data by running the extract and map stages into a private
/// temporary work directory (deleted afterwards), so the findings are exactly what <c>run</c> would
/// meet: values missing from code tables (with counts), columns whose values do not fit the item's
/// type or length, required items left empty, unreadable records. Only codes, names and counts are
/// reported, never a personal value.
/// </summary>
internal static class DataChecks
{
    private static readonly string[] TypeCodes = [ErrorCodes.TypeInteger, ErrorCodes.TypeDecimal, ErrorCodes.TypeFlag, ErrorCodes.DateFormat];
    private const int MaxValuesListed = 20;

    public static async Task<IReadOnlyList<Diagnostic>> RunAsync(MappingDefinition mapping, StandardDefinition standard, string sourceDirectory, RejectThreshold threshold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(standard);
        var temp = Directory.CreateTempSubdirectory("migrate-check-");
        try
        {
            var session = new MigrationSession(standard, mapping, new WorkDirectory(temp.FullName));
            var runner = new MigrationRunner(session, NoProgress.None);
            Manifest manifest;
            try
            {
                await runner.ExtractAsync(sourceDirectory, cancellationToken);
                manifest = await runner.MapAsync(cancellationToken);
            }
            catch (MigrateException e) when (e.Kind == FailureKind.Data)
            {
                return [new Diagnostic(DiagnosticSeverity.Error, "data.unreadable", mapping.Sources.Values.FirstOrDefault()?.Position, e.Message)];
            }
            var outcome = new PredictedOutcome(threshold, manifest);
            return [.. Diagnose(mapping, standard, manifest, outcome), .. outcome.Failures(mapping, standard), .. PredictIntegrity(mapping, standard, manifest)];
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static IEnumerable<Diagnostic> Diagnose(MappingDefinition mapping, StandardDefinition standard, Manifest manifest, PredictedOutcome outcome)
    {
        foreach (var source in manifest.Extract?.Sources ?? [])
        {
            if (source.Rejected == 0) continue;
            var reasons = string.Join(", ", source.RejectsByReason.Select(r => Invariant($"{r.Key} {r.Value:N0}")));
            // Most records unreadable means the layout (columns, delimiter, encoding) is wrong, not the data.
            yield return new Diagnostic(source.Rejected * 2 > source.Records ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "data.unreadable-records", mapping.Sources.GetValueOrDefault(source.SourceId)?.Position,
                Invariant($"source '{source.SourceId}' ({source.File}): {source.Rejected:N0} of {source.Records:N0} records cannot be read ({reasons}); they will be rejected at extract"));
        }

        var map = manifest.Map;
        if (map is null) yield break;

        // Values that cannot be codes were withheld while mapping: the column is most likely the wrong one.
        foreach (var group in map.Codes.Where(c => WithheldCodes.IsWithheld(c.Legacy)).GroupBy(c => (c.Item, c.CodeTable, c.Legacy)))
        {
            var derivation = mapping.Tables.SelectMany(t => t.Items).FirstOrDefault(d => d.ItemId == group.Key.Item);
            yield return new Diagnostic(DiagnosticSeverity.Error, "data.code-column-mismatch",
                derivation?.Position ?? MappingPositions.Of(mapping, "code_tables", group.Key.CodeTable),
                Invariant($"item '{group.Key.Item}' (code table '{group.Key.CodeTable}', column {derivation?.From ?? "?"}): {group.Sum(c => c.Count):N0} rows hold {WithheldCodes.Reason(group.Key.Legacy)}; the values are not shown, as they may be personal data. Is the right legacy column mapped to this item?"));
        }

        foreach (var group in map.Codes.Where(c => c.Conversion == CodeConversion.Unknown && c.Standard is null && !WithheldCodes.IsWithheld(c.Legacy)).GroupBy(c => c.CodeTable))
        {
            var values = group.GroupBy(c => c.Legacy).Select(g => (Value: g.Key, Count: g.Sum(c => c.Count))).OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();
            var listed = string.Join(", ", values.Take(MaxValuesListed).Select(v => Invariant($"'{v.Value}' ({v.Count:N0} rows)")));
            if (values.Count > MaxValuesListed) listed += Invariant($" and {values.Count - MaxValuesListed} more");
            var explicitRule = MappingPositions.Of(mapping, "code_tables", group.Key, "unknown") is not null;
            // The rows these values cost in the table that loses most of them.
            var items = group.Select(c => c.Item).ToHashSet(StringComparer.Ordinal);
            var worst = map.Tables.Select(t => (Count: t.RejectsByReasonAndItem.Where(r => items.Any(i => r.Key == $"{ErrorCodes.CodeUnknown}|{i}")).Sum(r => r.Value), t.Read))
                .OrderByDescending(t => t.Count).FirstOrDefault();
            yield return outcome.Escalate(new Diagnostic(explicitRule ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, "data.code-missing",
                MappingPositions.Of(mapping, "code_tables", group.Key, "values") ?? MappingPositions.Of(mapping, "code_tables", group.Key),
                $"code table '{group.Key}' has no entry for {values.Count} value(s) found in the data: {listed}; add them under code_tables.{group.Key}.values"
                + (explicitRule ? " (unknown: reject is set, so these rows will be rejected)" : ", or say what to do with them: unknown: reject | keep | { default: CODE }")), worst.Count, worst.Read);
        }

        var usage = map.Sources.ToDictionary(s => s.SourceId, s => s, StringComparer.Ordinal);
        foreach (var result in map.Tables)
        {
            var tableMapping = mapping.Tables.FirstOrDefault(t => t.TableId == result.TableId);
            var table = standard.FindTable(result.TableId);
            if (tableMapping is null || table is null) continue;
            foreach (var (key, count) in result.RejectsByReasonAndItem)
            {
                var bar = key.IndexOf('|', StringComparison.Ordinal);
                var code = bar < 0 ? key : key[..bar];
                var itemId = bar < 0 ? "" : key[(bar + 1)..];
                if (code == ErrorCodes.CodeUnknown) continue; // reported per code table above
                var item = table.Find(itemId);
                var derivation = tableMapping.Items.FirstOrDefault(d => d.ItemId == itemId);
                var position = derivation?.Position ?? tableMapping.Position;
                var nonEmpty = derivation?.From is { } column && usage.TryGetValue(tableMapping.From, out var u)
                    ? u.Columns.FirstOrDefault(c => c.Column == column)?.NonEmpty ?? result.Read
                    : result.Read;
                yield return outcome.Escalate(Describe(code, count, result, item, derivation, position, nonEmpty, itemId), count, result.Read);
            }
        }
    }

    /// <summary>
    /// Empty sources, and the 支援措置 integrity problems <c>run</c> would refuse with exit 3 (a protected
    /// person's record lost, a support row naming nobody, an unreadable person number), by file and line.
    /// </summary>
    private static IEnumerable<Diagnostic> PredictIntegrity(MappingDefinition mapping, StandardDefinition standard, Manifest manifest)
    {
        foreach (var source in manifest.Extract?.Sources ?? [])
        {
            if (source.Records == 0)
                yield return new Diagnostic(DiagnosticSeverity.Warning, "data.empty-source", mapping.Sources.GetValueOrDefault(source.SourceId)?.Position,
                    $"source '{source.SourceId}' ({source.File}) has no records"
                    + (mapping.Tables.Any(t => t.From == source.SourceId && t.TableId == standard.Persons?.TableId) ? "; run refuses an export without residents" : ""));
        }
        if (manifest.Map?.Integrity is not { ViolationCount: > 0 } integrity) yield break;
        var listed = string.Join("; ", integrity.Violations.Take(10).Select(v => v.ToString()));
        var more = integrity.ViolationCount > 10 ? $"; … and {integrity.ViolationCount - 10} more" : "";
        yield return new Diagnostic(DiagnosticSeverity.Error, "outcome.protected", mapping.Tables.Count > 0 ? mapping.Tables[0].Position : null,
            $"run would refuse to load this data (exit 3): {integrity.ViolationCount} 支援措置 integrity problem(s): {listed}{more}; fix these records or the mapping, or accept a case checked by hand with --accept-critical-reject FILE:LINE");
    }

    private static Diagnostic Describe(string code, long count, TableMapResult result, StandardItem? item, ItemDerivation? derivation, SourcePosition position, long nonEmpty, string itemId)
    {
        var label = item?.Label ?? itemId;
        var column = derivation?.From is { } from ? $"column '{from}'" : "its derivation";
        var rows = Invariant($"{count:N0} of {result.Read:N0} rows");
        if (TypeCodes.Contains(code) && item is not null)
        {
            // Most values failing means the column is not of this type: a mapping mistake, not a data defect.
            var systematic = count * 2 > Math.Max(nonEmpty, 1);
            var fix = item.Type switch
            {
                ItemType.Date => "add { wareki: FORMAT } or { date: yyyyMMdd } to 'do', or map another column",
                ItemType.Flag => "map the legacy values to 0/1 with a code table, or map another column",
                _ => $"map a column holding {item.Type.ToString().ToLowerInvariant()} values, or convert with transforms",
            };
            return new Diagnostic(systematic ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "data.type-mismatch", position,
                $"table '{result.TableId}', item {label}: {rows} from {column} are not {item.Type.ToString().ToLowerInvariant()} values ({code}); {fix}");
        }
        if (code == ErrorCodes.LengthExceeded && item is not null)
            return new Diagnostic(DiagnosticSeverity.Warning, "data.length-exceeded", position,
                $"table '{result.TableId}', item {label}: {rows} from {column} are longer than the standard's {item.Length} characters; fix the data, or add {{ truncate: {item.Length} }} (lossy, reported)");
        if (code == ErrorCodes.RequiredMissing && item is not null)
        {
            var systematic = count * 2 > Math.Max(result.Read, 1);
            return new Diagnostic(systematic ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "data.required-empty", position,
                $"table '{result.TableId}', item {label} is required but empty in {rows}; map a column that is filled, or add {{ default: VALUE }}");
        }
        return new Diagnostic(DiagnosticSeverity.Warning, "data.rejects", position,
            $"table '{result.TableId}', item {label}: {rows} would be rejected ({code})");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
