using System.IO.Hashing;
using System.Text;

namespace Migrate.Core.Load;

/// <summary>
/// An order-independent checksum of a table: the sum (mod 2⁶⁴) of a hash of each row's canonical
/// text. Mapped files and target tables give the same value whatever order the rows come back in.
/// A row's text is its values in UTF-8, each followed by U+001F, with U+0000 for NULL (so "" and
/// NULL never collide); the hash is its 64-bit xxHash3 (seed 0). The checksum detects rows that
/// were lost, duplicated or changed on the way into a target; it is not a cryptographic seal.
/// </summary>
/// <remarks>
/// Rows are built field by field into a reused byte buffer (<see cref="AddField"/>, <see cref="AddNull"/>,
/// <see cref="EndRow"/>), so the hot paths hash UTF-8 as read from a file or a database without
/// creating strings; <see cref="Add"/> takes a row of strings and gives the same value.
/// </remarks>
public sealed class RowChecksum
{
    private const byte Separator = 0x1F;
    private ulong _sum;
    private byte[] _row = new byte[1024];
    private int _length;

    public long Rows { get; private set; }

    public string Value => _sum.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    public void Add(IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            if (value is null) AddNull();
            else AddField(value);
        }
        EndRow();
    }

    /// <summary>Appends one value of the current row, as UTF-8 bytes.</summary>
    public void AddField(ReadOnlySpan<byte> utf8)
    {
        Reserve(utf8.Length + 1);
        utf8.CopyTo(_row.AsSpan(_length));
        _length += utf8.Length;
        _row[_length++] = Separator;
    }

    /// <summary>Appends one value of the current row (encoded to UTF-8).</summary>
    public void AddField(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Reserve(Encoding.UTF8.GetMaxByteCount(value.Length) + 1);
        _length += Encoding.UTF8.GetBytes(value, _row.AsSpan(_length));
        _row[_length++] = Separator;
    }

    /// <summary>Appends a NULL of the current row.</summary>
    public void AddNull()
    {
        Reserve(2);
        _row[_length++] = 0;
        _row[_length++] = Separator;
    }

    /// <summary>Ends the current row: adds its hash to the sum and starts the next.</summary>
    public void EndRow()
    {
        _sum += XxHash3.HashToUInt64(_row.AsSpan(0, _length));
        _length = 0;
        Rows++;
    }

    private void Reserve(int bytes)
    {
        if (_length + bytes > _row.Length) Array.Resize(ref _row, Math.Max(_row.Length * 2, _length + bytes));
    }
}
