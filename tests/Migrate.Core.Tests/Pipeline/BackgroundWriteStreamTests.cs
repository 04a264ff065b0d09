using Migrate.Core.Work;

namespace Migrate.Core.Tests.Pipeline;

/// <summary>
/// Bytes written on the row loop's thread reach the file on a thread of their own: all of them, in
/// order, the file closed at the end, and a failure of the writing thread reaches the writer.
/// </summary>
public sealed class BackgroundWriteStreamTests
{
    [Fact]
    public void Every_byte_arrives_in_order_and_the_inner_stream_is_disposed()
    {
        var random = new Random(7);
        var expected = new MemoryStream();
        var inner = new KeptStream();
        using (var stream = new BackgroundWriteStream(inner, capacity: 2))
        {
            // Writes from 1 byte to more than a chunk, so chunks fill mid-write and the queue fills.
            for (var i = 0; i < 300; i++)
            {
                var bytes = new byte[random.Next(1, i % 50 == 0 ? 700_000 : 5_000)];
                random.NextBytes(bytes);
                stream.Write(bytes);
                expected.Write(bytes);
                if (i % 97 == 0) stream.Flush();
            }
        }

        inner.Disposed.ShouldBeTrue();
        inner.ToArray().ShouldBeSameBytes(expected.ToArray());
    }

    [Fact]
    public void A_failure_of_the_writing_thread_is_thrown_to_the_writer_as_it_was_thrown()
    {
        var inner = new FailingStream(afterBytes: 600_000);
        var chunk = new byte[100_000];
        var written = 0;

        // The writer keeps writing until the failure reaches it; it must not block on the full queue.
        var thrown = Should.Throw<IOException>(() =>
        {
            using var stream = new BackgroundWriteStream(inner, capacity: 1);
            for (; written < 1_000; written++) stream.Write(chunk);
        });

        written.ShouldBeLessThan(1_000);

        thrown.Message.ShouldBe("disk full");
        inner.Disposed.ShouldBeTrue();
    }

    [Fact]
    public void A_failure_after_the_last_write_is_thrown_by_dispose()
    {
        var inner = new FailingStream(afterBytes: 10);
        var stream = new BackgroundWriteStream(inner);
        stream.Write(new byte[100]);

        Should.Throw<IOException>(stream.Dispose).Message.ShouldBe("disk full");
        inner.Disposed.ShouldBeTrue();
    }

    private sealed class KeptStream : MemoryStream
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    private sealed class FailingStream(long afterBytes) : Stream
    {
        private long _written;

        public bool Disposed { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _written;
        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _written += count;
            if (_written > afterBytes) throw new IOException("disk full");
        }

        public override void Flush()
        {
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
