namespace Migrate.Core.Authoring;

/// <summary>How <c>migrate init</c> matched (or did not match) one standard item: by name, by content, or unresolved.</summary>
public sealed record ItemMatch(string TableId, string ItemId, string? Column, string How)
{
    /// <summary>1.0 for an exact name (or content); lower for a match by stem (<see cref="HeaderMatcher"/>), shown in the draft.</summary>
    public double Confidence { get; init; } = 1.0;
}
