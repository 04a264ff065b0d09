using Migrate.Core.Diagnostics;

namespace Migrate.Core.Mapping;

/// <summary>How one standard table is filled from one legacy source.</summary>
public sealed record TableMapping(string TableId, string From, IReadOnlyList<FilterRule> Filters, IReadOnlyList<ItemDerivation> Items, SourcePosition Position)
{
    /// <summary>Other sources looked up by key, in order; their columns are named <c>SOURCE.COLUMN</c>.</summary>
    public IReadOnlyList<JoinDefinition> Joins { get; init; } = [];
}
