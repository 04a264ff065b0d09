using Migrate.Core.Diagnostics;

namespace Migrate.Core.Mapping;

/// <summary>How one standard item is derived: the legacy column it starts from (if any) and the pipeline.</summary>
public sealed record ItemDerivation(string ItemId, string? From, IReadOnlyList<TransformSpec> Transforms, SourcePosition Position);
