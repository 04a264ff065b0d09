using Migrate.Core.Manifests;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Load;

/// <summary>
/// One mapped table ready to load: its standard definition, its standard-layout file and, when
/// known, the row count and checksum the target must hold after the load (checked before commit).
/// <see cref="Handoff"/>, when set, gives the file's records as this process's mapper writes them
/// (<c>migrate run</c> loads while it maps); the file is complete once they end.
/// </summary>
public sealed record LoadInput(StandardTable Table, string MappedFile, TableLoad? Expected = null)
{
    public MappedRecordHandoff? Handoff { get; init; }

    /// <summary>
    /// What the manifest records of the mapped file (record count, SHA-256): the file is checked
    /// against it as it is read, in the same pass, and a file changed since 'migrate map' fails the
    /// load before the commit (exit 3 naming the file). Not set for handed-on records (<see cref="Handoff"/>).
    /// </summary>
    public RecordedFile? Recorded { get; init; }
}

/// <summary>
/// How to load. <paramref name="MaxRejects"/> (the per-table reject threshold; <see cref="RejectThreshold.Default"/>
/// when null) is checked by the runner before the target is touched (<c>migrate run</c>, which loads
/// while it maps, checks it before the commit: <see cref="ITarget.PrepareLoadAsync"/>).
/// </summary>
public sealed record LoadOptions(bool Replace, string? Municipality, RejectThreshold? MaxRejects = null)
{
    /// <summary>FILE:LINE of 支援措置 integrity problems the operator checked by hand and accepts (<c>--accept-critical-reject</c>).</summary>
    public IReadOnlyList<string> AcceptCriticalRejects { get; init; } = [];
}

/// <summary>
/// A load written and verified inside its open transaction, not yet committed: the caller commits
/// it, or disposes it uncommitted and the target is left as it was.
/// </summary>
public interface IPreparedLoad : IAsyncDisposable
{
    /// <summary>Per table, the row count and checksum read back from the tables, equal to what was sent.</summary>
    IReadOnlyList<TableLoad> Tables { get; }

    /// <summary>Commits; a cancellation before this call is the last that stops the load.</summary>
    Task CommitAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A target database. A load is atomic: all tables are written, or the target is left as it was.
/// Every target records the standard it holds in <see cref="SqlDialect.HistoryTable"/> and refuses
/// a work directory made for another version.
/// </summary>
public interface ITarget : IAsyncDisposable
{
    /// <summary>Where the target is, without credentials (safe for logs and the manifest).</summary>
    string Description { get; }

    /// <summary>
    /// Loads every table in one transaction and returns, per table, the row count and checksum read
    /// back from the final tables. A table whose count or checksum differs from its mapped file's (as
    /// read while loading it, and <see cref="LoadInput.Expected"/> when given) fails the load (exit 3)
    /// and nothing is committed.
    /// </summary>
    Task<IReadOnlyList<TableLoad>> LoadAsync(StandardDefinition standard, IReadOnlyList<LoadInput> tables, LoadOptions options,
        IProgress<long>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="LoadAsync"/> up to the commit: every table written and verified in one open
    /// transaction, which the caller commits when what it checks after the data (<c>migrate run</c>:
    /// the outcome of mapping, which ends while the target reads) allows it.
    /// </summary>
    Task<IPreparedLoad> PrepareLoadAsync(StandardDefinition standard, IReadOnlyList<LoadInput> tables, LoadOptions options,
        IProgress<long>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Row count and checksum of each standard table as the target holds them now, or null when the
    /// target holds no tables of this standard. Refuses a target made for another standard version.
    /// </summary>
    Task<IReadOnlyList<TableLoad>?> ReadBackAsync(StandardDefinition standard, CancellationToken cancellationToken);

    /// <summary>
    /// The first standard table that already holds rows, with its row count, or null: a load without
    /// --replace would be refused, so <c>run</c> and <c>load</c> ask this before they write anything.
    /// Only reads; a target that does not exist yet is not created.
    /// </summary>
    async Task<(string Table, long Rows)?> FirstNonEmptyAsync(StandardDefinition standard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standard);
        var held = await ReadBackAsync(standard, cancellationToken);
        return held?.FirstOrDefault(t => t.Loaded > 0) is { } table ? (SqlDialect.TableName(standard, standard.FindTable(table.TableId)!), table.Loaded) : null;
    }
}
