using Migrate.Core.Standard;

namespace Migrate.Core.Check;

/// <summary>What <c>migrate check</c> validates: a mapping, where its standard comes from and optionally a folder of legacy data.</summary>
public sealed record CheckRequest(string MappingPath, StandardSource Standard, string? SourceDirectory);
