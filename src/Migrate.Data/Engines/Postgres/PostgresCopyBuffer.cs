using Migrate.Core.Load;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Data.Engines.Postgres;

/// <summary>
/// Gathers the records of one COPY into 64 KiB writes: in CSV the mapped record's values (the
/// mapped file and the connection are both UTF-8), each quoted, ended by LF; in binary the
/// tuples of <see cref="PostgresBinaryCopy"/>, between its start and end marks. Each record added is
/// first checked against its columns and added to the table's row checksum and server hash (in
/// binary on the way to its wire form, each value parsed once). Appending is synchronous: the caller
/// writes <see cref="Pending"/> and clears it when a record does not fit.
/// </summary>
internal sealed class PostgresCopyBuffer
{
    /// <summary>The size of each write, unless one record is longer.</summary>
    public const int Size = 1 << 16;

    private readonly PostgresBinaryCopy? _binary;
    private readonly LoadValueConverter _converter;
    private readonly RowChecksum _checksum;
    private readonly PostgresRowHash _hash;
    private readonly ItemType[] _types;
    private byte[] _bytes = new byte[Size];
    private int _used;

    /// <param name="binary">The encoder of a binary COPY; null for CSV.</param>
    public PostgresCopyBuffer(PostgresBinaryCopy? binary, LoadValueConverter converter, RowChecksum checksum, PostgresRowHash hash, ItemType[] types)
    {
        _binary = binary;
        _converter = converter;
        _checksum = checksum;
        _hash = hash;
        _types = types;
        if (binary is null) return;
        PostgresBinaryCopy.Start.CopyTo(_bytes);
        _used = PostgresBinaryCopy.Start.Length;
    }

    /// <summary>The bytes gathered and not yet written.</summary>
    public ReadOnlyMemory<byte> Pending => _bytes.AsMemory(0, _used);

    /// <summary>Call once <see cref="Pending"/> has been written.</summary>
    public void Clear() => _used = 0;

    /// <summary>Checks and appends the reader's current record; false (nothing checked, nothing appended) when it must wait for <see cref="Clear"/>.</summary>
    public bool TryAdd(MappedRecordReader reader)
    {
        var length = _binary is null ? CsvMaxLength(reader) : _binary.MaxLength(reader);
        if (!Fits(length)) return false;
        if (_binary is null)
        {
            _converter.Check(reader);
            MappedChecksum.AddRow(_checksum, reader, _types);
            _hash.Add(reader);
            _used += WriteCsv(reader, _bytes.AsSpan(_used));
        }
        else _used += _binary.Write(reader, _bytes.AsSpan(_used), _converter, _checksum, _hash);
        return true;
    }

    /// <summary>Each field quoted with its quotes doubled, a comma after each but the last, LF.</summary>
    private static int CsvMaxLength(MappedRecordReader reader) => reader.FieldBytes * 2 + reader.FieldCount * 3 + 1;

    /// <summary>
    /// The record as CSV: NULL as an empty field, every other value quoted (whatever the mapped file
    /// quoted: the values are the same, and FORCE_NULL makes only empty ones NULL). Built from the
    /// fields, not copied from the file, because in <c>migrate run</c> the records come from the mapper.
    /// </summary>
    private static int WriteCsv(MappedRecordReader reader, Span<byte> destination)
    {
        var at = 0;
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (i > 0) destination[at++] = (byte)',';
            if (!reader.IsNull(i)) at += Utf8CsvWriter.Quoted(reader.Field(i), destination[at..]);
        }
        destination[at++] = (byte)'\n';
        return at;
    }

    /// <summary>Appends the end of the data (binary only); false when it must wait for <see cref="Clear"/>.</summary>
    public bool TryEnd()
    {
        if (_binary is null) return true;
        if (!Fits(PostgresBinaryCopy.End.Length)) return false;
        PostgresBinaryCopy.End.CopyTo(_bytes.AsSpan(_used));
        _used += PostgresBinaryCopy.End.Length;
        return true;
    }

    private bool Fits(int length)
    {
        if (_used + length <= _bytes.Length) return true;
        // A record longer than the whole buffer gets a buffer of its own size once the buffer is empty.
        if (_used == 0) Array.Resize(ref _bytes, length);
        return _used == 0;
    }
}
