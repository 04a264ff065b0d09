using Migrate.Core.Diagnostics;

namespace Migrate.Core.Report.Decisions;

/// <summary>
/// A municipality's decision on one finding: adopt the standard, keep it as a justified deviation
/// (with its written reason), propose it as feedback to the standard (with a description), or pending.
/// </summary>
internal sealed record Decision(
    string FindingId,
    Disposition Disposition,
    string? Reason,
    string? DecidedBy,
    string? DecidedOn,
    SourcePosition Position)
{
    /// <summary>Where the decision was written, as messages show it (file:line:column, or a workbook's sheet, row and column).</summary>
    public string? Place { get; init; }

    public string Where => Place ?? Position.ToString();

    /// <summary>Written <c>stale: true</c>: the finding is known to be gone, keep the decision without asking.</summary>
    public bool MarkedStale { get; init; }

    /// <summary>
    /// The row carries the report's own words for its finding (category or title, as decisions.xlsx and
    /// findings.csv are written): its id was a finding once, so when it is gone the decision is stale, not a typo.
    /// </summary>
    public bool IssuedByReport { get; init; }
}
