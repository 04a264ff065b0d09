using System.Collections.Concurrent;

namespace Migrate.Core.Work;

/// <summary>
/// The records of one staging file handed from the extractor to the mapper while the file is
/// written (<c>migrate run</c>), as the extractor's own strings: the mapper no longer parses and
/// decodes again what was just written. Batches go through a bounded queue, so memory stays
/// bounded whatever the file's size; the file itself is still written in full.
/// </summary>
/// <remarks>
/// Both ends block, like <see cref="ByteHandoff"/>; cancelling <paramref name="stop"/> unblocks them.
/// A batch holds its records' values in one array and goes back to the writer once read: an array
/// per record was a quarter of the bytes a 1M-person run allocated (614 MB).
/// </remarks>
internal sealed class RecordHandoff(CancellationToken stop, int capacity = 8) : IDisposable
{
    private const int BatchSize = 256;
    private readonly BlockingCollection<Batch> _batches = new(capacity);
    private readonly ConcurrentQueue<Batch> _returned = new();
    private Batch? _filling;
    private Batch? _taking;
    private int _taken;

    /// <summary>Hands on one record; the values are copied, so the caller may reuse its array.</summary>
    public void Add(long line, long offset, ReadOnlySpan<string> values)
    {
        var batch = _filling ??= _returned.TryDequeue(out var recycled) && recycled.Columns == values.Length ? recycled : new Batch(values.Length);
        batch.Set(line, offset, values);
        if (batch.Count == BatchSize) Pass();
    }

    /// <summary>Ends the records: the reader sees the end once it has taken every record.</summary>
    public void Complete()
    {
        if (_batches.IsAddingCompleted) return;
        try
        {
            if (_filling is { Count: > 0 }) Pass();
        }
        finally
        {
            _batches.CompleteAdding();
        }
    }

    /// <summary>
    /// Waits for the next record and copies its values into the first columns of <paramref name="values"/>;
    /// false once the writer has completed and every record was taken.
    /// </summary>
    public bool TryTake(string?[] values, out long line, out long offset)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (_taking is null || _taken == _taking.Count)
        {
            if (_taking is not null)
            {
                _taking.Clear();
                _returned.Enqueue(_taking);
                _taking = null;
            }
            if (!_batches.TryTake(out var batch, Timeout.Infinite, stop))
            {
                (line, offset) = (0, 0);
                return false;
            }
            _taking = batch;
            _taken = 0;
        }
        (line, offset) = _taking.Get(_taken++, values);
        return true;
    }

    private void Pass()
    {
        _batches.Add(_filling!, stop);
        _filling = null;
    }

    public void Dispose() => _batches.Dispose();

    private sealed class Batch(int columns)
    {
        private readonly long[] _lines = new long[BatchSize];
        private readonly long[] _offsets = new long[BatchSize];
        private readonly string?[] _values = new string?[BatchSize * columns];

        public int Columns { get; } = columns;

        public int Count { get; private set; }

        public void Set(long line, long offset, ReadOnlySpan<string> values)
        {
            _lines[Count] = line;
            _offsets[Count] = offset;
            values.CopyTo(_values.AsSpan(Count * Columns, Columns)!);
            Count++;
        }

        public (long Line, long Offset) Get(int record, string?[] values)
        {
            _values.AsSpan(record * Columns, Columns).CopyTo(values);
            return (_lines[record], _offsets[record]);
        }

        /// <summary>Lets go of the values (their strings can be collected) before the batch is reused.</summary>
        public void Clear()
        {
            Array.Clear(_values, 0, Count * Columns);
            Count = 0;
        }
    }
}
