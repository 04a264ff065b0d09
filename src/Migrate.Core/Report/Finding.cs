namespace Migrate.Core.Report;

/// <summary>
/// One non-standard customization. <see cref="Id"/> is built from names only (never counts), so the
/// same custom column or code value has the same ID in every run and at every sample size.
/// Findings carry counts and standard item names, never personal values.
/// </summary>
public sealed record Finding(
    string Id,
    FindingCategory Category,
    string Title,
    string Explanation,
    long Count,
    string? Table = null,
    string? Item = null,
    string? ItemName = null,
    string? Source = null,
    string? Column = null,
    string? LegacyValue = null,
    string? StandardValue = null,
    string? Resolution = null,
    Disposition Disposition = Disposition.Pending,
    string? DecisionReason = null,
    string? DecidedBy = null,
    string? DecidedOn = null);
