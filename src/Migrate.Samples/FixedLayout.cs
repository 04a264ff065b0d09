using System.Globalization;

namespace Migrate.Samples;

/// <summary>One field of a fixed-width record: its name, byte offset and width, and how a row's value is rendered.</summary>
internal sealed record FixedColumn<TRow>(string Name, int Offset, int Width, Action<FixedRecord, FixedColumn<TRow>, TRow> Write);

/// <summary>
/// A vendor's fixed-width record layout as data: the fields with offset and width (the same list the vendor's
/// mapping declares), each with its rendering. A row is a space-filled record with each field written in turn;
/// bytes no field covers stay blank (filler).
/// </summary>
internal abstract class FixedLayout<TRow>
{
    private readonly FixedColumn<TRow>[] _columns;
    private readonly FixedRecord _record;

    protected FixedLayout(int length, params FixedColumn<TRow>[] columns)
    {
        _columns = columns;
        _record = new FixedRecord(length);
        foreach (var c in columns)
        {
            if (c.Offset < 0 || c.Offset + c.Width > length)
            {
                throw new ArgumentOutOfRangeException(nameof(columns), $"{c.Name} ({c.Offset}+{c.Width}) is outside the {length}-byte record.");
            }
        }
    }

    public int Length => _record.Length;

    public IReadOnlyList<FixedColumn<TRow>> Columns => _columns;

    /// <summary>The rendered record; valid until the next call.</summary>
    public ReadOnlySpan<byte> Render(TRow row)
    {
        _record.Clear();
        foreach (var column in _columns)
        {
            column.Write(_record, column, row);
        }

        return _record.Bytes;
    }

    /// <summary>ASCII digits, zero-padded to the width.</summary>
    protected static FixedColumn<TRow> Digits(string name, int offset, int width, Func<TRow, long> value) =>
        new(name, offset, width, (record, c, row) => record.Digits(c.Offset, c.Width, value(row)));

    /// <summary>CP932 text, left-aligned and space-padded, cut at a character boundary; null leaves the field blank.</summary>
    protected static FixedColumn<TRow> Text(string name, int offset, int width, Func<TRow, string?> value) =>
        new(name, offset, width, (record, c, row) =>
        {
            if (value(row) is { } text)
            {
                record.Text(c.Offset, c.Width, text);
            }
        });

    /// <summary>A 和暦 date as GYYMMDD (1-digit era code); null leaves the field blank.</summary>
    protected static FixedColumn<TRow> EraDate(string name, int offset, Func<TRow, DateOnly?> value) =>
        new(name, offset, 7, (record, c, row) =>
        {
            if (value(row) is { } date)
            {
                WriteEraDate(record, c.Offset, date);
            }
        });

    /// <summary>Packed decimal (COMP-3) with a positive sign.</summary>
    protected static FixedColumn<TRow> Packed(string name, int offset, int width, Func<TRow, long> value) =>
        new(name, offset, width, (record, c, row) => record.Packed(c.Offset, c.Width, value(row)));

    /// <summary>Anything the renderings above do not cover (the deliberate defects).</summary>
    protected static FixedColumn<TRow> Custom(string name, int offset, int width, Action<FixedRecord, FixedColumn<TRow>, TRow> write) =>
        new(name, offset, width, write);

    protected static void WriteEraDate(FixedRecord record, int offset, DateOnly date)
    {
        var (era, year) = Wareki.Of(date.DayNumber, date.Year);
        record.Text(offset, 7, string.Create(CultureInfo.InvariantCulture, $"{era}{year:D2}{date.Month:D2}{date.Day:D2}"));
    }
}
