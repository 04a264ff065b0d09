using Migrate.Core.Standard;

namespace Migrate.Core.Check;

/// <summary>What <c>migrate check</c> validates: a mapping, where its standard comes from and optionally a folder of legacy data.</summary>
public sealed record CheckRequest(string MappingPath, StandardSource Standard, string? SourceDirectory)
{
    /// <summary>The per-table reject share above which the predicted run fails, as <c>run --max-rejects</c> (default 5%).</summary>
    public Load.RejectThreshold MaxRejects { get; init; } = Load.RejectThreshold.Default;
}
