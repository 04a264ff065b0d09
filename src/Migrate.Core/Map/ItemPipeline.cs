using Migrate.Core.Standard;
using Migrate.Core.Transforms;
using Migrate.Core.Validation;

namespace Migrate.Core.Map;

/// <summary>
/// One standard item's compiled derivation: where it reads from, its transforms and its validator.
/// What the row loop needs per item (the transforms as an array, the positions of a date's 不詳
/// companions) is worked out once here, not per row.
/// </summary>
internal sealed record ItemPipeline(StandardItem Item, int OutputIndex, int SourceIndex, string? SourceColumn, IReadOnlyList<ITransform> Transforms, ItemValidator Validator)
{
    public bool HasDerivation { get; } = SourceIndex >= 0 || Transforms.Count > 0;

    /// <summary>The transforms in order, for the row loop (no enumerator per row).</summary>
    public ITransform[] Steps { get; } = [.. Transforms];

    /// <summary>Positions of the 不詳 flag and notation items of a date that has them; -1 otherwise.</summary>
    public int UnknownFlagIndex { get; init; } = -1;

    public int UnknownTextIndex { get; init; } = -1;

    /// <summary>Position of the item keeping a 和暦 date's era and year as written; -1 when it has none.</summary>
    public int EraYearIndex { get; init; } = -1;
}
