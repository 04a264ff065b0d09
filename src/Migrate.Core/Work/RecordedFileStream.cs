using System.Security.Cryptography;

namespace Migrate.Core.Work;

/// <summary>
/// Reads a file the manifest records and checksums its bytes as they are read, so the reader checks
/// it against the manifest once it has read it to the end (<see cref="Complete"/>) without a second
/// pass over the file.
/// </summary>
internal sealed class RecordedFileStream(Stream inner, RecordedFile recorded) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _completed;

    public RecordedFile Recorded { get; } = recorded ?? throw new ArgumentNullException(nameof(recorded));

    /// <summary>Opens <see cref="RecordedFile.Path"/> for one sequential read.</summary>
    public static RecordedFileStream Open(RecordedFile recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return new RecordedFileStream(
            new FileStream(recorded.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), recorded);
    }

    /// <summary>
    /// Called by the reader at the end of the file with the records it read: fails (exit 3) naming the
    /// file when they or the bytes read are not what the manifest records. Checked once.
    /// </summary>
    public void Complete(long records)
    {
        if (_completed) return;
        _completed = true;
        // Anything left unread (a reader that stopped at its last record) is part of the file too.
        var rest = new byte[1 << 12];
        int read;
        while ((read = inner.Read(rest)) > 0) _hash.AppendData(rest.AsSpan(0, read));
        Recorded.ThrowIfDiffers(records, Convert.ToHexStringLower(_hash.GetHashAndReset()));
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        _hash.AppendData(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
