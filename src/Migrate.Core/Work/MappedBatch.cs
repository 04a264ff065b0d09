namespace Migrate.Core.Work;

/// <summary>
/// Up to <see cref="Capacity"/> mapped records of one table, encoded once: as the bytes the mapped
/// file holds (RFC 4180, <see cref="Utf8CsvWriter"/>'s quoting), which the file is written from in one
/// piece, with each field's UTF-8 value located inside them for the target; a value holding a quote
/// (doubled in the file) is located in a copy of its own. An empty field is NULL, as in the file.
/// </summary>
public sealed class MappedBatch
{
    public const int Capacity = 256;

    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly bool[] _unescaped;
    private readonly long[] _lines = new long[Capacity];
    private byte[] _csv = new byte[1 << 17];
    private int _used;
    private byte[] _values = new byte[256];
    private int _valuesUsed;

    public MappedBatch(int fieldCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fieldCount);
        FieldCount = fieldCount;
        _starts = new int[Capacity * fieldCount];
        _lengths = new int[Capacity * fieldCount];
        _unescaped = new bool[Capacity * fieldCount];
    }

    public int FieldCount { get; }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>The records as the mapped file holds them, each ended by CRLF.</summary>
    public ReadOnlySpan<byte> Csv => _csv.AsSpan(0, _used);

    /// <summary>
    /// Appends a record starting on <paramref name="line"/> of the mapped file, each value quoted when
    /// <paramref name="quote"/> says so (<see cref="Utf8CsvWriter.NeedsQuotes"/>); a lone surrogate becomes U+FFFD, as in the file.
    /// </summary>
    public void Add(ReadOnlySpan<string?> values, ReadOnlySpan<bool> quote, long line)
    {
        if (values.Length != FieldCount) throw new ArgumentException($"{values.Length} values for {FieldCount} fields", nameof(values));
        var first = Count * FieldCount;
        for (var i = 0; i < values.Length; i++)
        {
            var chars = values[i].AsSpan();
            // At most 3 bytes per UTF-16 unit (a doubled quote takes 2), the quotes, a comma and the record's CRLF.
            Ensure(ref _csv, _used, chars.Length * 3 + 5);
            if (i > 0) _csv[_used++] = (byte)',';
            var k = first + i;
            _unescaped[k] = false;
            // NULL: about half of a person row's fields in the grown standard, spared the encoder's call.
            if (chars.IsEmpty && !quote[i])
            {
                _starts[k] = _used;
                _lengths[k] = 0;
                continue;
            }
            if (quote[i] && chars.Contains('"'))
            {
                _used += Utf8CsvWriter.Quoted(chars, _csv.AsSpan(_used));
                Ensure(ref _values, _valuesUsed, chars.Length * 3);
                _starts[k] = _valuesUsed;
                _lengths[k] = Utf8CsvWriter.Encode(chars, _values.AsSpan(_valuesUsed));
                _valuesUsed += _lengths[k];
                _unescaped[k] = true;
                continue;
            }
            if (quote[i]) _csv[_used++] = (byte)'"';
            _starts[k] = _used;
            _lengths[k] = Utf8CsvWriter.Encode(chars, _csv.AsSpan(_used));
            _used += _lengths[k];
            if (quote[i]) _csv[_used++] = (byte)'"';
        }
        _csv[_used++] = (byte)'\r';
        _csv[_used++] = (byte)'\n';
        _lines[Count++] = line;
    }

    /// <summary>The bytes of field <paramref name="field"/> of record <paramref name="record"/>, unquoted; empty for NULL.</summary>
    public ReadOnlySpan<byte> Field(int record, int field)
    {
        var k = record * FieldCount + field;
        return (_unescaped[k] ? _values : _csv).AsSpan(_starts[k], _lengths[k]);
    }

    /// <summary>The mapped file's line record <paramref name="record"/> starts on (the header is line 1).</summary>
    public long Line(int record) => _lines[record];

    /// <summary>
    /// Copies where each field of record <paramref name="record"/> is into <paramref name="starts"/>,
    /// <paramref name="lengths"/> and <paramref name="unescaped"/> (true: in <paramref name="values"/>,
    /// not in the returned file bytes).
    /// </summary>
    public byte[] Locate(int record, Span<int> starts, Span<int> lengths, Span<bool> unescaped, out byte[] values)
    {
        _starts.AsSpan(record * FieldCount, FieldCount).CopyTo(starts);
        _lengths.AsSpan(record * FieldCount, FieldCount).CopyTo(lengths);
        _unescaped.AsSpan(record * FieldCount, FieldCount).CopyTo(unescaped);
        values = _values;
        return _csv;
    }

    public void Clear()
    {
        Count = 0;
        _used = 0;
        _valuesUsed = 0;
    }

    private static void Ensure(ref byte[] buffer, int used, int more)
    {
        if (more > buffer.Length - used) Array.Resize(ref buffer, Math.Max(buffer.Length * 2, used + more));
    }
}
