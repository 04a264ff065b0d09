namespace Migrate.Core.Work;

/// <summary>
/// The record streams of one <c>migrate run</c>: each source's staged records from the extractor to
/// the mapper (<see cref="RecordHandoff"/>), each table's mapped records from the mapper to the
/// target (<see cref="MappedRecordHandoff"/>). The staging and mapped files are written from the same
/// records, as sinks beside them; running the stages one by one reads those files instead.
/// </summary>
internal sealed class StageHandoffs(CancellationToken stop) : IDisposable
{
    private readonly Dictionary<string, RecordHandoff> _staged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MappedRecordHandoff> _mapped = new(StringComparer.Ordinal);

    /// <summary>Hands the staged records of source <paramref name="sourceId"/> on.</summary>
    public RecordHandoff AddStaged(string sourceId) => _staged[sourceId] = new RecordHandoff(stop);

    /// <summary>Hands the mapped records of table <paramref name="tableId"/> (<paramref name="fieldCount"/> items) on.</summary>
    public MappedRecordHandoff AddMapped(string tableId, int fieldCount) => _mapped[tableId] = new MappedRecordHandoff(fieldCount, stop);

    public RecordHandoff? Staged(string sourceId) => _staged.GetValueOrDefault(sourceId);

    public MappedRecordHandoff? Mapped(string tableId) => _mapped.GetValueOrDefault(tableId);

    public void Dispose()
    {
        foreach (var handoff in _staged.Values) handoff.Dispose();
        foreach (var handoff in _mapped.Values) handoff.Dispose();
    }
}
