namespace Migrate.Core.Report.Decisions;

/// <summary>
/// Puts the municipality's decisions onto the report's findings. Findings without a decision stay
/// pending; decisions whose finding no longer exists are listed as stale, so none is silently lost.
/// </summary>
internal static class DecisionApplier
{
    public static MigrationReport Apply(MigrationReport report, DecisionsFile decisions)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(decisions);
        var byId = new Dictionary<string, Decision>(StringComparer.Ordinal);
        foreach (var decision in decisions.Decisions) byId[decision.FindingId] = decision;

        var findings = report.Findings
            .Select(f => byId.TryGetValue(f.Id, out var d)
                ? f with { Disposition = d.Disposition, DecisionReason = d.Reason, DecidedBy = d.DecidedBy, DecidedOn = d.DecidedOn }
                : f)
            .ToList();
        var current = findings.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var stale = decisions.Decisions
            // An undecided row of a finding that is gone carries nothing to keep.
            .Where(d => !current.Contains(d.FindingId) && (d.Disposition != Disposition.Pending || d.Reason is not null))
            .Select(d => new StaleDecision(d.FindingId, d.Disposition, d.DecidedBy, d.DecidedOn, d.Reason))
            .OrderBy(d => d.FindingId, StringComparer.Ordinal)
            .ToList();

        return report with
        {
            Findings = findings,
            StaleDecisions = stale,
            DecisionsFile = decisions.Path,
            Municipality = report.Municipality ?? decisions.Municipality,
            Summary = report.Summary with
            {
                ByDisposition = findings.GroupBy(f => ReportBuilder.Kebab(f.Disposition))
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Count()),
            },
        };
    }
}
