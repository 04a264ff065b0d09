using System.Buffers.Binary;
using System.Globalization;
using Migrate.Core.Load;
using Migrate.Core.Standard;
using Migrate.Core.Text;

namespace Migrate.Data.Targets;

/// <summary>
/// Encodes checked mapped records as PostgreSQL binary COPY tuples: per record a 16-bit field count,
/// then per field a 32-bit length (-1 for NULL) and the value as the column's receive function reads
/// it (text and varchar as their UTF-8 bytes, int2/int4/int8 big-endian, a date as its days since
/// 2000-01-01). The server then has no CSV to split and no text to convert: a quarter less of its
/// time per row than CSV for the same rows (9.3-9.6 s vs 6.8-7.1 s for 1.95M person rows).
/// </summary>
public sealed class PostgresBinaryCopy
{
    private enum Wire { Text, Int2, Int4, Int8, Date }

    // The signature, then 32-bit flags and header-extension length, both 0.
    private static readonly byte[] Header = [.. BinaryCopyReader.Signature, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly Wire[] _wires;

    private PostgresBinaryCopy(Wire[] wires) => _wires = wires;

    /// <summary>
    /// The encoder for a table whose columns have exactly the types this tool's DDL gives its items,
    /// or null (then CSV is sent): a decimal item (numeric's binary form is not written here) or a
    /// column of another type (a table made by hand), whose receive function would read the bytes
    /// differently. <paramref name="columnTypes"/> maps column names to pg_type names.
    /// </summary>
    public static PostgresBinaryCopy? For(StandardTable table, IReadOnlyDictionary<string, string> columnTypes)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columnTypes);
        var wires = new Wire[table.Items.Count];
        for (var i = 0; i < wires.Length; i++)
        {
            var item = table.Items[i];
            if (!columnTypes.TryGetValue(item.Id, out var actual)) return null;
            Wire? wire = (item.Type, actual) switch
            {
                (ItemType.Integer, "int8") when SqlDialect.IsBigInteger(item) => Wire.Int8,
                (ItemType.Integer, "int4") when !SqlDialect.IsBigInteger(item) => Wire.Int4,
                (ItemType.Flag, "int2") => Wire.Int2,
                (ItemType.Date, "date") => Wire.Date,
                (ItemType.String or ItemType.Code, "text" or "varchar") => Wire.Text,
                _ => null,
            };
            if (wire is null) return null;
            wires[i] = wire.Value;
        }
        return new PostgresBinaryCopy(wires);
    }

    /// <summary>The bytes that open the COPY data.</summary>
    public static ReadOnlySpan<byte> Start => Header;

    /// <summary>The bytes that close the COPY data: a field count of -1.</summary>
    public static ReadOnlySpan<byte> End => [0xFF, 0xFF];

    /// <summary>At most how many bytes <see cref="Write"/> needs for the current record.</summary>
    public int MaxLength(MappedRecordReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        // Each field: its length word and at most 8 bytes or its text.
        return 2 + _wires.Length * 12 + reader.RawRecord.Length;
    }

    /// <summary>
    /// Writes the current record (already checked by <see cref="LoadValueConverter.Check"/>, so every
    /// integer parses and fits its column and every date is YYYY-MM-DD) into <paramref name="destination"/>;
    /// returns the bytes written.
    /// </summary>
    public int Write(MappedRecordReader reader, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(reader);
        BinaryPrimitives.WriteInt16BigEndian(destination, (short)_wires.Length);
        var at = 2;
        for (var i = 0; i < _wires.Length; i++)
        {
            if (reader.IsNull(i))
            {
                BinaryPrimitives.WriteInt32BigEndian(destination[at..], -1);
                at += 4;
                continue;
            }
            var field = reader.Field(i);
            var value = destination[(at + 4)..];
            int length;
            switch (_wires[i])
            {
                case Wire.Int2:
                    BinaryPrimitives.WriteInt16BigEndian(value, short.Parse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                    length = 2;
                    break;
                case Wire.Int4:
                    BinaryPrimitives.WriteInt32BigEndian(value, int.Parse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                    length = 4;
                    break;
                case Wire.Int8:
                    BinaryPrimitives.WriteInt64BigEndian(value, long.Parse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                    length = 8;
                    break;
                case Wire.Date:
                    if (!IsoDate.TryParse(field, out var date)) throw new InvalidOperationException("a checked date did not parse");
                    BinaryPrimitives.WriteInt32BigEndian(value, PostgresDate.Days(date));
                    length = 4;
                    break;
                default:
                    field.CopyTo(value);
                    length = field.Length;
                    break;
            }
            BinaryPrimitives.WriteInt32BigEndian(destination[at..], length);
            at += 4 + length;
        }
        return at;
    }
}
