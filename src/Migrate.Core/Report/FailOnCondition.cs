using Migrate.Core.Diagnostics;

namespace Migrate.Core.Report;

/// <summary>Conditions a pipeline can ask to fail on (exit 1) after a completed run: <c>--fail-on pending</c> …</summary>
public static class FailOnCondition
{
    public const string Rejects = "rejects";
    public const string Pending = "pending";
    public const string Unjustified = "unjustified";
    public const string UnresolvedGaiji = "unresolved-gaiji";

    public static IReadOnlyList<string> All { get; } = [Rejects, Pending, Unjustified, UnresolvedGaiji];

    public static void Validate(IEnumerable<string> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        foreach (var c in conditions)
            if (!All.Contains(c))
                throw MigrateException.Usage($"--fail-on {c}: unknown condition{Text.DidYouMean.Hint(c, All)}; use {string.Join(", ", All)}");
    }

    /// <summary>The conditions met, each with a sentence saying why.</summary>
    public static IReadOnlyList<string> Evaluate(MigrationReport report, IEnumerable<string> conditions)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(conditions);
        var met = new List<string>();
        foreach (var condition in conditions.Distinct())
        {
            var reason = condition switch
            {
                Rejects when report.Summary.RowsRejected > 0 => $"{report.Summary.RowsRejected} record(s) were rejected",
                Pending when Count(report, f => f.Disposition == Disposition.Pending) is > 0 and var n => $"{n} finding(s) have no decision (pending)",
                Unjustified when Count(report, IsUnjustified) is > 0 and var n => $"{n} finding(s) are kept without a written justification",
                UnresolvedGaiji when report.Summary.GaijiUnresolved > 0 => $"{report.Summary.GaijiUnresolved} unresolved 外字 occurrence(s)",
                _ => null,
            };
            if (reason is not null) met.Add($"{condition}: {reason}");
        }
        return met;
    }

    private static bool IsUnjustified(Finding f) =>
        f.Disposition == Disposition.Pending || (f.Disposition == Disposition.Justified && string.IsNullOrWhiteSpace(f.DecisionReason));

    private static int Count(MigrationReport report, Func<Finding, bool> predicate) => report.Findings.Count(predicate);
}
