namespace Migrate.Core.Report;

/// <summary>A decision whose finding no longer exists (the customization was removed or renamed).</summary>
public sealed record StaleDecision(string FindingId, Disposition Disposition, string? DecidedBy, string? DecidedOn, string? Reason = null);
