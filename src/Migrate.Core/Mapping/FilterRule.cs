namespace Migrate.Core.Mapping;

/// <summary>
/// A named rule that removes legacy records on purpose (test records, logically deleted rows).
/// Filtered rows are counted under the rule's name so the reconciliation still adds up.
/// </summary>
public sealed record FilterRule(string Name, string Column, string? EqualsValue, string? StartsWith, bool? IsEmpty)
{
    public bool Matches(string? value) =>
        (EqualsValue is null || string.Equals(value, EqualsValue, StringComparison.Ordinal))
        && (StartsWith is null || (value is not null && value.StartsWith(StartsWith, StringComparison.Ordinal)))
        && (IsEmpty is null || string.IsNullOrEmpty(value) == IsEmpty.Value);
}
