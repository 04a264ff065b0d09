namespace Migrate.Samples;

/// <summary>One fixed-width CP932 record being built: space-padded, fields written at byte offsets.</summary>
internal sealed class FixedRecord(int length)
{
    private readonly byte[] _bytes = new byte[length];

    public int Length => _bytes.Length;

    public FixedRecord Clear()
    {
        _bytes.AsSpan().Fill((byte)' ');
        return this;
    }

    /// <summary>Text, left-aligned and space-padded; cut at a character boundary if too long.</summary>
    public FixedRecord Text(int offset, int length, string text)
    {
        var encoded = Cp932.Encode(text);
        var take = Math.Min(encoded.Length, length);
        // Never cut a double-byte character: step back to the last boundary.
        var i = 0;
        while (i < take)
        {
            var width = encoded[i] is (>= 0x81 and <= 0x9F) or (>= 0xE0 and <= 0xFC) ? 2 : 1;
            if (i + width > take) break;
            i += width;
        }
        encoded.AsSpan(0, i).CopyTo(_bytes.AsSpan(offset, length));
        return this;
    }

    /// <summary>Raw bytes (for the deliberate defects: a cut double-byte character).</summary>
    public FixedRecord Raw(int offset, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_bytes.AsSpan(offset));
        return this;
    }

    /// <summary>Digits, zero-padded to the field's length.</summary>
    public FixedRecord Digits(int offset, int length, long value)
    {
        for (var i = offset + length - 1; i >= offset; i--)
        {
            _bytes[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
        return this;
    }

    /// <summary>Packed decimal (COMP-3), positive sign 0xC.</summary>
    public FixedRecord Packed(int offset, int length, long value)
    {
        var digits = (length * 2) - 1;
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
        for (var i = 0; i < length; i++)
        {
            var high = text[i * 2] - '0';
            var low = i == length - 1 ? 0x0C : text[(i * 2) + 1] - '0';
            _bytes[offset + i] = (byte)((high << 4) | low);
        }
        return this;
    }

    public ReadOnlySpan<byte> Bytes => _bytes;
}
