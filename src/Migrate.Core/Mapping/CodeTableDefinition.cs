namespace Migrate.Core.Mapping;

/// <summary>What a code table does with a legacy value it has no entry for.</summary>
public enum UnknownCodeRule
{
    /// <summary>The row is rejected with <c>code.unknown</c>.</summary>
    Reject,
    /// <summary>The value passes unchanged (for items without a standard code list).</summary>
    Keep,
    /// <summary>The value becomes <see cref="CodeTableDefinition.UnknownDefault"/> and is reported as lossy.</summary>
    Default,
}

/// <summary>
/// Legacy code → standard code. <see cref="Custom"/> lists vendor values with no direct standard
/// equivalent; <see cref="Lossy"/> those whose conversion loses a distinction (甥 → 縁故者).
/// </summary>
public sealed record CodeTableDefinition(
    string Id,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlySet<string> Custom,
    IReadOnlySet<string> Lossy,
    UnknownCodeRule Unknown,
    string? UnknownDefault);
