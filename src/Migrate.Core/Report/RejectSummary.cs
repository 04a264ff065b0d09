namespace Migrate.Core.Report;

/// <summary>Rejected records of a table counted by reason and standard item (no values).</summary>
public sealed record RejectSummary(string Table, string Stage, string Code, string? Item, string? ItemName, long Count);
