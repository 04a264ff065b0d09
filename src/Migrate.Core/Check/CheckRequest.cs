namespace Migrate.Core.Check;

/// <summary>What <c>migrate check</c> validates: a mapping, optionally its standard file and a folder of legacy data.</summary>
public sealed record CheckRequest(string MappingPath, string? StandardPath, string? SourceDirectory);
