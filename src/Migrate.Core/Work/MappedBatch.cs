using System.Text.Unicode;

namespace Migrate.Core.Work;

/// <summary>
/// Up to <see cref="Capacity"/> mapped records of one table as the UTF-8 bytes of their fields, in
/// one array: the mapper encodes each value once, into here, and both the mapped file and the target
/// take the bytes from it. An empty field is NULL, as it is in the mapped file.
/// </summary>
public sealed class MappedBatch
{
    public const int Capacity = 256;

    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly long[] _lines = new long[Capacity];
    private byte[] _data = new byte[1 << 16];
    private int _used;

    public MappedBatch(int fieldCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fieldCount);
        FieldCount = fieldCount;
        _starts = new int[Capacity * fieldCount];
        _lengths = new int[Capacity * fieldCount];
    }

    public int FieldCount { get; }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>Appends a record starting on <paramref name="line"/> of the mapped file; a lone surrogate becomes U+FFFD, as in the file.</summary>
    public void Add(ReadOnlySpan<string?> values, long line)
    {
        if (values.Length != FieldCount) throw new ArgumentException($"{values.Length} values for {FieldCount} fields", nameof(values));
        var first = Count * FieldCount;
        for (var i = 0; i < values.Length; i++)
        {
            var chars = values[i].AsSpan();
            // At most 3 bytes per UTF-16 unit.
            if (chars.Length * 3 > _data.Length - _used) Array.Resize(ref _data, Math.Max(_data.Length * 2, _used + chars.Length * 3));
            Utf8.FromUtf16(chars, _data.AsSpan(_used), out _, out var written);
            _starts[first + i] = _used;
            _lengths[first + i] = written;
            _used += written;
        }
        _lines[Count++] = line;
    }

    /// <summary>The bytes of field <paramref name="field"/> of record <paramref name="record"/>; empty for NULL.</summary>
    public ReadOnlySpan<byte> Field(int record, int field) => _data.AsSpan(_starts[record * FieldCount + field], _lengths[record * FieldCount + field]);

    /// <summary>The bytes record <paramref name="record"/>'s fields index, and where each field of it starts and how long it is.</summary>
    public (ReadOnlyMemory<byte> Data, ReadOnlyMemory<int> Starts, ReadOnlyMemory<int> Lengths) Record(int record) =>
        (_data.AsMemory(0, _used), _starts.AsMemory(record * FieldCount, FieldCount), _lengths.AsMemory(record * FieldCount, FieldCount));

    /// <summary>The mapped file's line record <paramref name="record"/> starts on (the header is line 1).</summary>
    public long Line(int record) => _lines[record];

    /// <summary>Copies the field positions of record <paramref name="record"/> into <paramref name="starts"/> and <paramref name="lengths"/> and returns the bytes they index.</summary>
    public byte[] Locate(int record, Span<int> starts, Span<int> lengths)
    {
        _starts.AsSpan(record * FieldCount, FieldCount).CopyTo(starts);
        _lengths.AsSpan(record * FieldCount, FieldCount).CopyTo(lengths);
        return _data;
    }

    public void Clear()
    {
        Count = 0;
        _used = 0;
    }
}
