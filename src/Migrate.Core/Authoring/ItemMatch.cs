namespace Migrate.Core.Authoring;

/// <summary>How <c>migrate init</c> matched (or did not match) one standard item: by name, by content, or a placeholder.</summary>
public sealed record ItemMatch(string TableId, string ItemId, string? Column, string How);
