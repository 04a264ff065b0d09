using System.Buffers;
using System.Collections.Concurrent;

namespace Migrate.Core.Work;

/// <summary>
/// The bytes of one intermediate file handed from the stage writing it to the stage reading it while
/// it is written (<c>migrate run</c>), through a bounded queue of chunks: the reader never waits for
/// the whole file and memory stays bounded whatever the file's size. The file itself is still
/// written in full, byte for byte as a stage run alone writes it.
/// </summary>
/// <remarks>
/// The stage loops are synchronous on purpose (per-record async I/O cost more than the work), so
/// both ends block; System.IO.Pipelines' streams would block on its async API instead. Cancelling
/// <paramref name="stop"/> unblocks both ends: when one stage fails, the others stop.
/// </remarks>
public sealed class ByteHandoff(CancellationToken stop, int capacity = 32) : IDisposable
{
    private readonly BlockingCollection<(byte[] Buffer, int Length)> _chunks = new(capacity);
    private readonly CancellationToken _stop = stop;

    /// <summary>A stream that writes to <paramref name="file"/> and hands the same bytes on; disposing it ends the handoff.</summary>
    public Stream Tee(Stream file) => new TeeStream(file, this);

    /// <summary>The bytes as they arrive; the end of the stream is the end of the file.</summary>
    public Stream OpenRead() => new ReadStream(this);

    public void Dispose() => _chunks.Dispose();

    private sealed class TeeStream : WriteOnlyStream
    {
        private readonly Stream _file;
        private readonly ByteHandoff _handoff;
        private readonly PooledChunks _chunks;
        private bool _disposed;

        public TeeStream(Stream file, ByteHandoff handoff)
        {
            _file = file;
            _handoff = handoff;
            _chunks = new PooledChunks((chunk, length) => handoff._chunks.Add((chunk, length), handoff._stop));
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _file.Write(buffer);
            _chunks.Append(buffer);
        }

        public override void Flush() => _file.Flush();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                try
                {
                    _file.Dispose();
                    _chunks.PassPartial();
                }
                finally
                {
                    _chunks.Release();
                    _handoff._chunks.CompleteAdding();
                }
            }
            base.Dispose(disposing);
        }
    }

    private sealed class ReadStream(ByteHandoff handoff) : Stream
    {
        private (byte[] Buffer, int Length) _chunk;
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (buffer.IsEmpty) return 0;
            if (_chunk.Buffer is null || _position == _chunk.Length)
            {
                if (_chunk.Buffer is not null) ArrayPool<byte>.Shared.Return(_chunk.Buffer);
                _chunk = default;
                _position = 0;
                if (!handoff._chunks.TryTake(out _chunk, Timeout.Infinite, handoff._stop)) return 0;
            }
            var take = Math.Min(buffer.Length, _chunk.Length - _position);
            _chunk.Buffer.AsSpan(_position, take).CopyTo(buffer);
            _position += take;
            return take;
        }

        public override void Flush()
        {
            // Nothing is written through this end.
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
