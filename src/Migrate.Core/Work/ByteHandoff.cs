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
    private const int ChunkSize = 1 << 18;
    private readonly BlockingCollection<(byte[] Buffer, int Length)> _chunks = new(capacity);
    private readonly CancellationToken _stop = stop;

    /// <summary>A stream that writes to <paramref name="file"/> and hands the same bytes on; disposing it ends the handoff.</summary>
    public Stream Tee(Stream file) => new TeeStream(file, this);

    /// <summary>The bytes as they arrive; the end of the stream is the end of the file.</summary>
    public Stream OpenRead() => new ReadStream(this);

    public void Dispose() => _chunks.Dispose();

    private sealed class TeeStream(Stream file, ByteHandoff handoff) : WriteOnlyStream
    {
        private byte[] _chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        private int _length;
        private bool _disposed;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            file.Write(buffer);
            while (!buffer.IsEmpty)
            {
                var take = Math.Min(buffer.Length, _chunk.Length - _length);
                buffer[..take].CopyTo(_chunk.AsSpan(_length));
                _length += take;
                buffer = buffer[take..];
                if (_length == _chunk.Length) Pass();
            }
        }

        public override void Flush() => file.Flush();

        private void Pass()
        {
            handoff._chunks.Add((_chunk, _length), handoff._stop);
            _chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
            _length = 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                try
                {
                    file.Dispose();
                    if (_length > 0) Pass();
                }
                finally
                {
                    handoff._chunks.CompleteAdding();
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
