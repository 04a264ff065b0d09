using Migrate.Core.Diagnostics;
using Migrate.Core.Integrity;
using Migrate.Core.Load;
using Migrate.Core.Manifests;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>
/// What a run must show before anything is committed, so that a run that exits 0 is a migration a
/// municipality can accept. Checked once mapping is complete (before a separate load starts, before
/// <c>migrate run</c>'s commit); any rule broken refuses the load with exit 3 and the target as it was:
/// <list type="bullet">
/// <item>no record of a protected (支援措置) person is rejected or filtered, no critical row names a
/// person who is not loaded, and no rejected record's person is unreadable while the mapping maps
/// critical data — unless the operator acknowledged that very record (<c>--accept-critical-reject FILE:LINE</c>);</item>
/// <item>no table rejects more than the threshold (<see cref="RejectThreshold.Default"/> per table unless <c>--max-rejects</c>);</item>
/// <item>no table whose sources had records loads 0 rows, and the person table is not empty.</item>
/// </list>
/// </summary>
internal static class OutcomeRules
{
    private const int Listed = 10;

    /// <summary>Refuses (exit 3) when a rule is broken; returns the violations the operator acknowledged, to record.</summary>
    public static IReadOnlyList<IntegrityViolation> ThrowIfRefused(Manifest manifest, StandardDefinition standard, LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(options);
        var map = manifest.Map ?? throw MigrateException.Usage("nothing mapped yet; run 'migrate map' first");
        var integrity = map.Integrity ?? IntegritySummary.None;
        var accepted = Accepted(integrity, options.AcceptCriticalRejects);

        var critical = CriticalLines(manifest, standard);
        var open = integrity.Violations.Where(v => !accepted.Contains(v)).ToList();
        var unlisted = integrity.ViolationCount - integrity.Violations.Count;
        if (open.Count > 0 || unlisted > 0)
        {
            critical.AddRange(open.Take(Listed).Select(v => $"  {v}"));
            var more = open.Count - Math.Min(open.Count, Listed) + unlisted;
            if (more > 0) critical.Add($"  … and {more} more (manifest.json, map.integrity)");
        }
        if (critical.Count > 0)
            throw MigrateException.DataError(
                "支援措置 (protected) persons would be lost, so nothing was loaded. Fix the data or the mapping for these records "
                + "(details in rejects/), or, for a case checked by hand, acknowledge it with --accept-critical-reject FILE:LINE:"
                + Environment.NewLine + string.Join(Environment.NewLine, critical));

        var refusals = new List<string>();
        var threshold = options.MaxRejects ?? RejectThreshold.Default;
        foreach (var table in TableOutcome.Of(manifest))
        {
            if (threshold.Check(table.TableId, table.Rejected, table.Read) is { } line) refusals.Add(line);
            if (table.LoadsNothing)
                refusals.Add($"{table.TableId}: none of its {table.Read} records would be loaded");
            else if (table.HasNoPersons(standard))
                refusals.Add($"{table.TableId}: the source {table.Source?.File ?? table.Table.SourceId} has no records; an export without residents is not complete");
        }
        if (refusals.Count > 0)
            throw MigrateException.DataError("the run would not be a complete migration, so nothing was loaded: " + string.Join("; ", refusals)
                + ". See rejects/ and the report; --max-rejects N or P% sets the per-table threshold (default "
                + RejectThreshold.Default.Text + ", 100% turns it off)");
        return [.. integrity.Violations.Where(accepted.Contains)];
    }

    /// <summary>The violations matched by the operator's FILE:LINE acknowledgements; one that matches nothing is a usage error.</summary>
    private static HashSet<IntegrityViolation> Accepted(IntegritySummary integrity, IReadOnlyList<string> acknowledgements)
    {
        var accepted = new HashSet<IntegrityViolation>();
        foreach (var text in acknowledgements)
        {
            var matches = integrity.Violations.Where(v => Matches(v, text)).ToList();
            if (matches.Count == 0)
                throw MigrateException.Usage($"--accept-critical-reject {text}: no 支援措置 integrity problem is at that place"
                    + (integrity.Violations.Count > 0 ? $" (there are: {string.Join(", ", integrity.Violations.Take(5).Select(v => v.Location))})" : " (this run has none)"));
            accepted.UnionWith(matches);
        }
        return accepted;
    }

    private static bool Matches(IntegrityViolation violation, string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 0
            && long.TryParse(text.AsSpan(colon + 1), out var line)
            && line == violation.Line
            && string.Equals(Path.GetFileName(text[..colon]), violation.File, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Critical records rejected at map, and records of critical tables that could not be read at extract.</summary>
    private static List<string> CriticalLines(Manifest manifest, StandardDefinition standard)
    {
        var lines = new List<string>();
        foreach (var (table, extract, _, _) in TableOutcome.Of(manifest))
        {
            if (table.CriticalFailures.Count > 0)
                lines.Add($"  {table.TableId}: rejected at map: {string.Join("; ", table.CriticalFailures.Take(Listed))}{(table.CriticalFailures.Count > Listed ? " …" : "")}");
            if (standard.FindTable(table.TableId)?.Critical == true && extract is { Rejected: > 0 })
                lines.Add($"  {table.TableId}: {extract.Rejected} record(s) of {extract.File} could not be read (see rejects/{extract.SourceId}.extract.jsonl)");
        }
        return lines;
    }
}
