using Migrate.Core.Report.Decisions;

namespace Migrate.Core.Pipeline;

/// <summary>
/// How to write the report: which --fail-on conditions to evaluate, which decisions file to apply
/// (default: NAME.decisions.yaml beside the mapping, when it exists) and whether to write one.
/// </summary>
public sealed record ReportRequest(IReadOnlyList<string> FailOn, string? DecisionsPath = null, bool InitDecisions = false)
{
    public static ReportRequest Default { get; } = new([]);

    public string? ResolveDecisions(string mappingPath)
    {
        if (DecisionsPath is not null) return DecisionsPath;
        var beside = DecisionsFile.DefaultPathFor(mappingPath);
        return File.Exists(beside) || InitDecisions ? beside : null;
    }
}
