using Migrate.Core.Diagnostics;

namespace Migrate.Core.Report.Decisions;

/// <summary>
/// A municipality's decision on one finding: adopt the standard, keep it as a justified deviation
/// (with its written reason), propose it as feedback to the standard (with a description), or pending.
/// </summary>
public sealed record Decision(
    string FindingId,
    Disposition Disposition,
    string? Reason,
    string? DecidedBy,
    string? DecidedOn,
    SourcePosition Position);

/// <summary>A decision whose finding no longer exists (the customization was removed or renamed).</summary>
public sealed record StaleDecision(string FindingId, Disposition Disposition, string? DecidedBy, string? DecidedOn);
