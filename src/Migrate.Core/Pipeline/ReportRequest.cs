namespace Migrate.Core.Pipeline;

/// <summary>
/// How to write the report: which --fail-on conditions to evaluate, which decisions file to apply
/// (default: decisions.xlsx or decisions.yaml in the work directory, or beside a municipality overlay) and whether to write one.
/// </summary>
public sealed record ReportRequest(IReadOnlyList<string> FailOn, string? DecisionsPath = null, bool InitDecisions = false)
{
    public static ReportRequest Default { get; } = new([]);
}
