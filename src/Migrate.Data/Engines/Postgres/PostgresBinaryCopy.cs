using System.Buffers.Binary;
using Migrate.Core.Load;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Data.Engines.Postgres;

/// <summary>
/// Encodes checked mapped records as PostgreSQL binary COPY tuples: per record a 16-bit field count,
/// then per field a 32-bit length (-1 for NULL) and the value as the column's receive function reads
/// it (text and varchar as their UTF-8 bytes, int2/int4/int8 big-endian, a date as its days since
/// 2000-01-01). The server then has no CSV to split and no text to convert: a quarter less of its
/// time per row than CSV for the same rows (9.3-9.6 s vs 6.8-7.1 s for 1.95M person rows).
/// </summary>
/// <remarks>
/// Written here rather than through Npgsql's <c>NpgsqlBinaryImporter</c>, measured against it on the
/// same 1M mapped person rows into the dev PostgreSQL (2026-12-04, 2 shared cores, 5 rounds each,
/// interleaved; Stopwatch console, not the harness). Client CPU, which the busy machine disturbs
/// least: this encoder 2.2-3.3 s (median 2.5) with checks, row checksum and server hash; the
/// importer 6.2-8.9 s (median 7.9) doing the same work, and 6.5-7.7 s (median 6.7) writing the
/// values alone. Wall time: 19.5 s best, 26.5 s median here; 21.5 s and 66 s with the importer.
/// The importer takes each text as a string (a decode and re-encode, and an allocation, per field)
/// and resolves a type handler per value; this writes the mapped bytes as they are.
/// </remarks>
public sealed class PostgresBinaryCopy
{
    private enum Wire { Text, Int2, Int4, Int8, Date }

    // The signature, then 32-bit flags and header-extension length, both 0.
    private static readonly byte[] Header = [.. BinaryCopyReader.Signature, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly Wire[] _wires;

    // Per column, what the check and the hash gave for the field written last: both depend on the
    // field's bytes alone. One instance serves one COPY.
    private readonly RepeatedFields<byte, (CheckedValue Value, ulong Hash)> _repeated;

    private PostgresBinaryCopy(Wire[] wires)
    {
        _wires = wires;
        _repeated = new(wires.Length);
    }

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
        return 2 + _wires.Length * 12 + reader.FieldBytes;
    }

    /// <summary>
    /// Checks the current record (<see cref="LoadValueConverter.CheckField"/>) and writes it into
    /// <paramref name="destination"/>; returns the bytes written. Each value is parsed once, on the
    /// way to its wire form, its row checksum and its server hash (<see cref="PostgresRowHash"/>),
    /// which are added here too: the load's row loop then reads each field once instead of four times.
    /// A record that fails its check throws, and the COPY is abandoned.
    /// </summary>
    public int Write(MappedRecordReader reader, Span<byte> destination, LoadValueConverter converter, RowChecksum checksum, PostgresRowHash hash)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(converter);
        ArgumentNullException.ThrowIfNull(checksum);
        ArgumentNullException.ThrowIfNull(hash);
        var line = reader.Line;
        BinaryPrimitives.WriteInt16BigEndian(destination, (short)_wires.Length);
        var at = 2;
        ulong row = 0;
        for (var i = 0; i < _wires.Length; i++)
        {
            var field = reader.Field(i);
            if (field.IsEmpty)
            {
                converter.CheckField(i, field, line);
                BinaryPrimitives.WriteInt32BigEndian(destination[at..], -1);
                at += 4;
                checksum.AddNull();
                continue;
            }
            if (!_repeated.TryGet(i, field, out var known))
            {
                var checkedValue = converter.CheckField(i, field, line);
                known = (checkedValue, Hash(_wires[i], checkedValue, field, (ulong)i));
                _repeated.Set(i, field, known);
            }
            var (value, fieldHash) = known;
            checksum.AddField(field);
            row ^= fieldHash;
            hash.Valued(i);
            var bytes = destination[(at + 4)..];
            int length;
            switch (_wires[i])
            {
                case Wire.Int2:
                    BinaryPrimitives.WriteInt16BigEndian(bytes, (short)value.Number);
                    length = 2;
                    break;
                case Wire.Int4:
                    BinaryPrimitives.WriteInt32BigEndian(bytes, (int)value.Number);
                    length = 4;
                    break;
                case Wire.Int8:
                    BinaryPrimitives.WriteInt64BigEndian(bytes, value.Number);
                    length = 8;
                    break;
                case Wire.Date:
                    BinaryPrimitives.WriteInt32BigEndian(bytes, PostgresDate.Days(value.Date));
                    length = 4;
                    break;
                default:
                    field.CopyTo(bytes);
                    length = field.Length;
                    break;
            }
            BinaryPrimitives.WriteInt32BigEndian(destination[at..], length);
            at += 4 + length;
        }
        checksum.EndRow();
        hash.AddRow(row);
        return at;
    }

    /// <summary>The server's seeded hash of one stored value (<see cref="PostgresRowHash"/>).</summary>
    private static ulong Hash(Wire wire, CheckedValue value, ReadOnlySpan<byte> field, ulong seed) => wire switch
    {
        Wire.Int2 or Wire.Int4 or Wire.Int8 => PostgresHash.Integer(value.Number, seed),
        Wire.Date => PostgresHash.Date(value.Date, seed),
        _ => PostgresHash.Bytes(field, seed),
    };
}
