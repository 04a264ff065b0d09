using System.Collections.Concurrent;

namespace Migrate.Core.Work;

/// <summary>One record of a staging file as its extractor wrote it: source line, byte offset and values.</summary>
public readonly record struct StagedRecord(long Line, long Offset, string[] Values);

/// <summary>
/// The records of one staging file handed from the extractor to the mapper while the file is
/// written (<c>migrate run</c>), as the extractor's own strings: the mapper no longer parses and
/// decodes again what was just written. Batches go through a bounded queue, so memory stays
/// bounded whatever the file's size; the file itself is still written in full.
/// </summary>
/// <remarks>
/// Both ends block, like <see cref="ByteHandoff"/>; cancelling <paramref name="stop"/> unblocks them.
/// </remarks>
public sealed class RecordHandoff(CancellationToken stop, int capacity = 8) : IDisposable
{
    private const int BatchSize = 256;
    private readonly BlockingCollection<(StagedRecord[] Records, int Count)> _batches = new(capacity);
    private StagedRecord[] _filling = new StagedRecord[BatchSize];
    private int _filled;
    private StagedRecord[] _taking = [];
    private int _taken;
    private int _takingCount;

    /// <summary>Hands on one record; <paramref name="values"/> becomes the reader's and must not be changed afterwards.</summary>
    public void Add(long line, long offset, string[] values)
    {
        _filling[_filled++] = new StagedRecord(line, offset, values);
        if (_filled == BatchSize) Pass();
    }

    /// <summary>Ends the records: the reader sees the end once it has taken every record.</summary>
    public void Complete()
    {
        if (_batches.IsAddingCompleted) return;
        try
        {
            if (_filled > 0) Pass();
        }
        finally
        {
            _batches.CompleteAdding();
        }
    }

    /// <summary>The next record, waiting for it; false once the writer has completed and every record was taken.</summary>
    public bool TryTake(out StagedRecord record)
    {
        if (_taken == _takingCount)
        {
            if (!_batches.TryTake(out var batch, Timeout.Infinite, stop))
            {
                record = default;
                return false;
            }
            (_taking, _takingCount) = batch;
            _taken = 0;
        }
        record = _taking[_taken];
        _taking[_taken++] = default;
        return true;
    }

    private void Pass()
    {
        _batches.Add((_filling, _filled), stop);
        _filling = new StagedRecord[BatchSize];
        _filled = 0;
    }

    public void Dispose() => _batches.Dispose();
}
