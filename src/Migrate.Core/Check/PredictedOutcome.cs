using System.Globalization;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Manifests;
using Migrate.Core.Map;
using Migrate.Core.Mapping;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Check;

/// <summary>
/// What <c>check --source</c> predicts <c>run</c> will decide, with run's outcome rules: a table whose
/// sources hold records but that would load none fails; a table whose rejects (at extract and map)
/// pass the threshold (<c>--max-rejects</c>, 5% per table by default) fails; a 支援措置 person rejected
/// fails; a person table without records fails. The facts are run's own (<see cref="TableOutcome"/>). Each is an error naming the table, its main reasons by item and a fix. A warning about one
/// item becomes an error when that item alone would pass the threshold.
/// </summary>
internal sealed class PredictedOutcome(RejectThreshold threshold, Manifest manifest)
{
    private const int TopReasons = 3;

    /// <summary>Whether <paramref name="rejected"/> of <paramref name="read"/> records passes the threshold.</summary>
    public bool Exceeds(long rejected, long read) => threshold.IsExceeded(rejected, read);

    /// <summary>The threshold as the user would write it, for messages.</summary>
    public string Limit => $"--max-rejects {threshold.Text}{(ReferenceEquals(threshold, RejectThreshold.Default) ? " (the default)" : "")}";

    /// <summary>A per-item warning that alone predicts rejects above the threshold, turned into an error saying so.</summary>
    public Diagnostic Escalate(Diagnostic diagnostic, long count, long read) =>
        diagnostic.Severity == DiagnosticSeverity.Warning && Exceeds(count, read)
            ? diagnostic with
            {
                Severity = DiagnosticSeverity.Error,
                Message = diagnostic.Message + Invariant($"; that is {Share(count, read)}% of the table, so run would fail ({Limit})"),
            }
            : diagnostic;

    /// <summary>The run-level failures the data predicts, one per table.</summary>
    public IEnumerable<Diagnostic> Failures(MappingDefinition mapping, StandardDefinition standard)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(standard);
        foreach (var outcome in TableOutcome.Of(manifest))
        {
            var (result, source, records, rejected) = outcome;
            var position = mapping.Tables.FirstOrDefault(t => t.TableId == result.TableId)?.Position;
            var reasons = Reasons(result, source, standard.FindTable(result.TableId));
            if (outcome.HasNoPersons(standard))
            {
                yield return new Diagnostic(DiagnosticSeverity.Error, "outcome.no-residents", position,
                    $"table '{result.TableId}': its source {source?.File ?? result.SourceId} has no records, so run would fail: an export without residents is not complete; is this the right file?");
                continue;
            }
            if (outcome.LoadsNothing)
            {
                yield return new Diagnostic(DiagnosticSeverity.Error, "outcome.loads-nothing", position,
                    Invariant($"table '{result.TableId}' would load 0 of {records:N0} records, so run would fail: {reasons}; fix the derivations named (most often a transform or code table that rejects every row, or the wrong encoding or columns for the file)"));
                continue;
            }
            if (Exceeds(rejected, records))
                yield return new Diagnostic(DiagnosticSeverity.Error, "outcome.reject-threshold", position,
                    Invariant($"table '{result.TableId}' would reject {rejected:N0} of {records:N0} records ({Share(rejected, records)}%), more than {Limit} allows, so run would fail: {reasons}; fix the derivations named, or if these records really are broken, run with a higher --max-rejects and report them"));
            if (outcome.LosesCritical)
                yield return new Diagnostic(DiagnosticSeverity.Error, "outcome.critical", position,
                    Invariant($"table '{result.TableId}': {result.CriticalFailures.Count:N0} record(s) of persons under 支援措置 would be rejected or filtered, so run would fail: {reasons}; no protected person may be lost — fix their records or the mapping"));
        }
    }

    /// <summary>The main reasons, by item: "性別 (seibetsu) code.unknown 1,234; …".</summary>
    private static string Reasons(TableMapResult result, Extract.ExtractResult? source, StandardTable? table)
    {
        var all = result.RejectsByReasonAndItem.Select(r =>
            {
                var bar = r.Key.IndexOf('|', StringComparison.Ordinal);
                var code = bar < 0 ? r.Key : r.Key[..bar];
                var item = bar < 0 ? "" : r.Key[(bar + 1)..];
                var label = table?.Find(item)?.Label ?? (item.Length > 0 ? item : "the record");
                return (Text: $"{label} {code}", r.Value);
            })
            .Concat((source?.RejectsByReason ?? new Dictionary<string, long>()).Select(r => (Text: $"unreadable at extract {r.Key}", r.Value)))
            .OrderByDescending(r => r.Value).ThenBy(r => r.Text, StringComparer.Ordinal).ToList();
        if (all.Count == 0) return "no record was rejected (every record was filtered)";
        var top = string.Join("; ", all.Take(TopReasons).Select(r => Invariant($"{r.Text} {r.Value:N0}")));
        return all.Count > TopReasons ? Invariant($"{top}; {all.Count - TopReasons} more reason(s)") : top;
    }

    private static string Share(long part, long whole) => Math.Round(part * 100m / Math.Max(whole, 1), 1).ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
