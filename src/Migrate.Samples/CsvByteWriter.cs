namespace Migrate.Samples;

/// <summary>
/// A byte-level CSV writer for pre-encoded CP932 fields: rows are assembled in one growing buffer and
/// written to the stream only between rows (<see cref="FlushAsync"/>), so a finished row can still be
/// edited (<see cref="DropField"/>) and raw, deliberately invalid bytes can be placed inside a field.
/// </summary>
internal sealed class CsvByteWriter
{
    private const byte Comma = (byte)',';
    private const byte Quote = (byte)'"';

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _pos;
    private bool _inRow;

    public CsvByteWriter(Stream stream, int capacity)
    {
        _stream = stream;
        _buffer = new byte[capacity];
    }

    /// <summary>Bytes waiting in the buffer; the start offset of the next row.</summary>
    public int Pending => _pos;

    /// <summary>Starts a field: writes the separator unless it is the first field of the row.</summary>
    public void Open()
    {
        Ensure(1);
        if (_inRow)
        {
            _buffer[_pos++] = Comma;
        }
        else
        {
            _inRow = true;
        }
    }

    public void Empty() => Open();

    /// <summary>A whole field from bytes that are already CP932 and CSV-quoted as needed.</summary>
    public void Field(byte[] csvBytes)
    {
        Open();
        Raw(csvBytes);
    }

    /// <summary>A whole field of ASCII digits, zero-padded to width.</summary>
    public void Field(long value, int width)
    {
        Open();
        Digits(value, width);
    }

    public void Raw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_pos));
        _pos += bytes.Length;
    }

    public void Byte(byte b)
    {
        Ensure(1);
        _buffer[_pos++] = b;
    }

    /// <summary>ASCII digits of a non-negative value, zero-padded to width.</summary>
    public void Digits(long value, int width)
    {
        Ensure(Math.Max(width, 20));
        int end = _pos + width;
        for (int i = end - 1; i >= _pos; i--)
        {
            _buffer[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        _pos = end;
    }

    /// <summary>ASCII digits of a non-negative value without padding.</summary>
    public void Number(int value) => Digits(value, DigitCount(value));

    /// <summary>Full-width digits (CP932 0x824F–0x8258) of a non-negative value, as in 「１丁目２番３号」.</summary>
    public void FullWidthNumber(int value)
    {
        int width = DigitCount(value);
        Ensure(width * 2);
        int end = _pos + (width * 2);
        for (int i = end - 2; i >= _pos; i -= 2)
        {
            _buffer[i] = 0x82;
            _buffer[i + 1] = (byte)(0x4F + (value % 10));
            value /= 10;
        }

        _pos = end;
    }

    /// <summary>Encodes any text as one field (CP932, quoted when needed).</summary>
    public void Text(string text) => Field(Cp932.EncodeField(text));

    public void EndRow()
    {
        Ensure(2);
        _buffer[_pos++] = (byte)'\r';
        _buffer[_pos++] = (byte)'\n';
        _inRow = false;
    }

    /// <summary>
    /// Removes field number <paramref name="fieldIndex"/> (0-based, not the first) with its separator from the
    /// row that starts at <paramref name="rowStart"/> and is still open. Commas and quotes are never CP932 trail
    /// bytes, so a byte scan that honours quotes is exact.
    /// </summary>
    public void DropField(int rowStart, int fieldIndex)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fieldIndex, 1);

        int field = 0;
        int start = -1;
        bool quoted = false;
        for (int i = rowStart; i < _pos; i++)
        {
            byte b = _buffer[i];
            if (b == Quote)
            {
                quoted = !quoted;
            }
            else if (b == Comma && !quoted)
            {
                field++;
                if (field == fieldIndex)
                {
                    start = i;
                }
                else if (field == fieldIndex + 1)
                {
                    _buffer.AsSpan(i, _pos - i).CopyTo(_buffer.AsSpan(start));
                    _pos -= i - start;
                    return;
                }
            }
        }

        if (start < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fieldIndex));
        }

        _pos = start;
    }

    public async ValueTask FlushAsync(CancellationToken ct)
    {
        if (_inRow)
        {
            throw new InvalidOperationException("Cannot flush inside a row.");
        }

        if (_pos > 0)
        {
            await _stream.WriteAsync(_buffer.AsMemory(0, _pos), ct).ConfigureAwait(false);
            _pos = 0;
        }
    }

    private static int DigitCount(int value)
    {
        int n = 1;
        while (value >= 10)
        {
            value /= 10;
            n++;
        }

        return n;
    }

    private void Ensure(int extra)
    {
        if (_pos + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _pos + extra));
        }
    }
}
