using Migrate.Core.Standard;
using Migrate.Core.Transforms;
using Migrate.Core.Validation;

namespace Migrate.Core.Map;

/// <summary>One standard item's compiled derivation: where it reads from, its transforms and its validator.</summary>
public sealed record ItemPipeline(StandardItem Item, int OutputIndex, int SourceIndex, string? SourceColumn, IReadOnlyList<ITransform> Transforms, ItemValidator Validator)
{
    public bool HasDerivation => SourceIndex >= 0 || Transforms.Count > 0;
}
