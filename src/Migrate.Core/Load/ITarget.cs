using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Load;

/// <summary>One mapped table ready to load: its standard definition and its standard-layout file.</summary>
public sealed record LoadInput(StandardTable Table, string MappedFile);

public sealed record LoadOptions(bool Replace, string? Municipality);

/// <summary>
/// A target database. A load is atomic: all tables are written, or the target is left as it was.
/// </summary>
public interface ITarget : IAsyncDisposable
{
    string Description { get; }

    Task<IReadOnlyList<TableLoad>> LoadAsync(StandardDefinition standard, IReadOnlyList<LoadInput> tables, LoadOptions options,
        IProgress<long>? progress, CancellationToken cancellationToken);
}
