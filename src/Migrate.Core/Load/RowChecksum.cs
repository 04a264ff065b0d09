using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Migrate.Core.Load;

/// <summary>
/// An order-independent checksum of a table: the sum (mod 2⁶⁴) of a hash of each row's canonical
/// text. Mapped files and target tables give the same value whatever order the rows come back in.
/// </summary>
public sealed class RowChecksum
{
    private ulong _sum;
    private readonly StringBuilder _row = new();

    public long Rows { get; private set; }

    public void Add(IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _row.Clear();
        foreach (var value in values)
        {
            // \u001F separates fields, \u0000 marks NULL so "" and NULL never collide.
            _row.Append(value ?? "\u0000").Append('\u001F');
        }
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(_row.ToString()), hash);
        _sum += BinaryPrimitives.ReadUInt64LittleEndian(hash);
        Rows++;
    }

    public string Value => _sum.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
