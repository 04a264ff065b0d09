using System.Globalization;
using Migrate.Core.Load;
using Migrate.Core.Standard;
using Migrate.Core.Text;

namespace Migrate.Data.Targets;

/// <summary>
/// What PostgreSQL must answer for the rows sent to one table when it hashes them itself: their
/// count, and the sum and the XOR of each row's <c>hash_record_extended</c> (seed 0), computed here
/// from the mapped values as the server stores them (text as its UTF-8 bytes, integers and flags
/// as numbers, dates as days, empty as NULL). A table with a decimal column is not hashed here
/// (numeric's hash works on its internal digits), and neither is one holding a value this side
/// cannot read as the server would: <see cref="Usable"/> is then false and the table is read back.
/// </summary>
public sealed class PostgresRowHash
{
    private readonly ItemType[] _types;

    public PostgresRowHash(IReadOnlyList<ItemType> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        _types = [.. types];
        Usable = !_types.Contains(ItemType.Decimal);
    }

    public bool Usable { get; private set; }

    public long Rows { get; private set; }

    /// <summary>The exact sum of the rows' hashes taken as signed 64-bit numbers, as <c>sum(bigint)</c> gives it.</summary>
    public Int128 Sum { get; private set; }

    public long Xor { get; private set; }

    /// <summary>Adds the current record of <paramref name="reader"/>.</summary>
    public void Add(MappedRecordReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!Usable) return;
        ulong row = 0;
        for (var i = 0; i < _types.Length; i++)
        {
            ulong column = 0;
            if (!reader.IsNull(i) && !TryHash(_types[i], reader.Field(i), out column))
            {
                Usable = false;
                return;
            }
            row = PostgresHash.Combine(row, column);
        }
        var signed = unchecked((long)row);
        Sum += signed;
        Xor ^= signed;
        Rows++;
    }

    private static bool TryHash(ItemType type, ReadOnlySpan<byte> value, out ulong hash)
    {
        hash = 0;
        switch (type)
        {
            case ItemType.Integer or ItemType.Flag:
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return false;
                hash = PostgresHash.Integer(number);
                return true;
            case ItemType.Date:
                if (!IsoDate.TryParse(value, out var date)) return false;
                hash = PostgresHash.Date(date);
                return true;
            case ItemType.Decimal:
                return false;
            default:
                hash = PostgresHash.Bytes(value);
                return true;
        }
    }
}
