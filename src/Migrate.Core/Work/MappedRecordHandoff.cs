using System.Collections.Concurrent;

namespace Migrate.Core.Work;

/// <summary>
/// The mapped records of one table handed from the mapper to the target while the mapped file is
/// written (<c>migrate run</c>), as the UTF-8 bytes the file is written from (<see cref="MappedBatch"/>):
/// the target never parses what this process has just written. Batches go through a bounded queue
/// and come back to the writer once read, so memory stays bounded whatever the table's size.
/// </summary>
/// <remarks>
/// Both ends block, like <see cref="RecordHandoff"/>; cancelling <paramref name="stop"/> unblocks them.
/// Up to 64 batches (16,384 records, a few MB) wait: about what the byte handoff this replaced held
/// (32 chunks of 256 KiB), so that on two cores the mapper and the target, which take turns with the
/// extractor and the database, are not held in lock step.
/// </remarks>
public sealed class MappedRecordHandoff(int fieldCount, CancellationToken stop, int capacity = 64) : IDisposable
{
    private readonly BlockingCollection<MappedBatch> _batches = new(capacity);
    private readonly ConcurrentQueue<MappedBatch> _returned = new();

    public int FieldCount { get; } = fieldCount;

    /// <summary>An empty batch to fill: one the reader gave back, or a new one.</summary>
    public MappedBatch Rent() => _returned.TryDequeue(out var batch) ? batch : new MappedBatch(FieldCount);

    /// <summary>Hands a filled batch on; the writer must not touch it again.</summary>
    public void Pass(MappedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _batches.Add(batch, stop);
    }

    /// <summary>Ends the records: the reader sees the end once it has taken every batch.</summary>
    public void Complete()
    {
        if (!_batches.IsAddingCompleted) _batches.CompleteAdding();
    }

    /// <summary>Waits for the next batch; null once the writer has completed and every batch was taken.</summary>
    public MappedBatch? Take() => _batches.TryTake(out var batch, Timeout.Infinite, stop) ? batch : null;

    /// <summary>Gives a read batch back to the writer.</summary>
    public void Return(MappedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Clear();
        _returned.Enqueue(batch);
    }

    public void Dispose() => _batches.Dispose();
}
