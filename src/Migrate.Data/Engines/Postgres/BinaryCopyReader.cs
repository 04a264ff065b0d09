using System.Buffers.Binary;

namespace Migrate.Data.Engines.Postgres;

/// <summary>
/// Reads PostgreSQL's binary COPY format (header, then per row a 16-bit field count and per field
/// a 32-bit length, -1 for NULL, and the bytes) from a raw COPY stream, handing out each field as a
/// span of its own buffer, valid until the next call.
/// </summary>
internal sealed class BinaryCopyReader(Stream stream)
{
    // "PGCOPY\n\377\r\n\0" (\377 is not UTF-8, so no u8 literal).
    internal static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    public void ReadHeader()
    {
        Ensure(Signature.Length + 8);
        if (!_buffer.AsSpan(_start, Signature.Length).SequenceEqual(Signature)) throw new InvalidDataException("not a binary COPY stream");
        _start += Signature.Length + 4; // the flags
        var extension = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start, 4));
        _start += 4;
        Ensure(extension);
        _start += extension;
    }

    /// <summary>The number of fields of the next row, or -1 at the end of the data.</summary>
    public int NextRow()
    {
        Ensure(2);
        var count = BinaryPrimitives.ReadInt16BigEndian(_buffer.AsSpan(_start, 2));
        _start += 2;
        return count;
    }

    /// <summary>The next field's bytes (empty and <paramref name="isNull"/> for NULL).</summary>
    public ReadOnlySpan<byte> NextField(out bool isNull)
    {
        Ensure(4);
        var length = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start, 4));
        _start += 4;
        isNull = length < 0;
        if (isNull) return default;
        Ensure(length);
        var field = _buffer.AsSpan(_start, length);
        _start += length;
        return field;
    }

    /// <summary>Reads what follows the trailer, so the COPY completes.</summary>
    public void ReadToEnd()
    {
        while (!_eof)
        {
            _start = _end = 0;
            Fill();
        }
    }

    private void Ensure(int bytes)
    {
        while (_end - _start < bytes)
        {
            if (_eof) throw new InvalidDataException("the binary COPY stream ended early");
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_buffer.Length < bytes) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, bytes));
            Fill();
        }
    }

    private void Fill()
    {
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }
}
