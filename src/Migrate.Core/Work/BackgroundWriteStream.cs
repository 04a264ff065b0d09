using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Migrate.Core.Work;

/// <summary>
/// A write-only stream that passes its bytes, in order and in 256 KiB chunks, to
/// <paramref name="inner"/> on a thread of its own, through a bounded queue: the staging and mapped
/// files' SHA-256, the kernel's copy into the file and the handoff to the next stage then run beside
/// the row loop that produces the bytes instead of inside it. Disposing waits for the last chunk and
/// disposes <paramref name="inner"/>; a failure of the writing thread is thrown by the next
/// <see cref="Write(ReadOnlySpan{byte})"/>, or at the latest by <see cref="Dispose(bool)"/>, as it was thrown.
/// </summary>
internal sealed class BackgroundWriteStream : WriteOnlyStream
{
    private readonly Stream _inner;
    private readonly BlockingCollection<(byte[] Chunk, int Length)> _queue;
    private readonly PooledChunks _chunks;
    private readonly CancellationTokenSource _failed = new();
    private readonly Thread _thread;
    private Exception? _error;
    private bool _disposed;

    public BackgroundWriteStream(Stream inner, int capacity = 8)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _queue = new BlockingCollection<(byte[], int)>(capacity);
        _chunks = new PooledChunks(Enqueue);
        _thread = new Thread(WriteChunks) { IsBackground = true, Name = "migrate file writer" };
        _thread.Start();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _chunks.Append(buffer);
    }

    /// <summary>Queues what is buffered; it reaches the inner stream in order, without waiting here.</summary>
    public override void Flush() => _chunks.PassPartial();

    private void Enqueue(byte[] chunk, int length)
    {
        try
        {
            _queue.Add((chunk, length), _failed.Token);
        }
        catch (OperationCanceledException) when (_error is not null)
        {
            ExceptionDispatchInfo.Throw(_error);
        }
    }

    private void WriteChunks()
    {
        try
        {
            foreach (var (chunk, length) in _queue.GetConsumingEnumerable())
            {
                _inner.Write(chunk, 0, length);
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
        catch (Exception e)
        {
            // Whatever the failure (a full disk, a stopped run), the writer learns it at its next chunk.
            _error = e;
            _failed.Cancel();
        }
    }

    protected override void Dispose(bool disposing)
    {
        try
        {
            if (!disposing || _disposed) return;
            _disposed = true;
            try
            {
                if (_error is null) _chunks.PassPartial();
            }
            finally
            {
                _queue.CompleteAdding();
                _thread.Join();
                _chunks.Release();
                _queue.Dispose();
                _failed.Dispose();
                _inner.Dispose();
            }
            if (_error is not null) ExceptionDispatchInfo.Throw(_error);
        }
        finally
        {
            base.Dispose(disposing);
        }
    }
}
