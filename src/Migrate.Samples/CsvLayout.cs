namespace Migrate.Samples;

/// <summary>One column of a CSV layout: its header name and how a row's value is rendered (CP932 bytes, no separator).</summary>
internal sealed record CsvColumn<TRow>(string Name, Action<CsvByteWriter, TRow> Write);

/// <summary>
/// A vendor's CSV file layout as data: the columns in file order, each with its name and rendering. The header
/// is the names; a row is each column's rendering in turn, separated by commas. Derived layouts list their
/// columns with the renderings below, so the file's shape reads as one table instead of comments in code.
/// </summary>
internal abstract class CsvLayout<TRow>
{
    private readonly CsvColumn<TRow>[] _columns;

    protected CsvLayout(params CsvColumn<TRow>[] columns)
    {
        _columns = columns;
        Names = Array.AsReadOnly(Array.ConvertAll(columns, c => c.Name));
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => _columns.Length;

    /// <summary>The 0-based position of the named column.</summary>
    public int IndexOf(string name) => Array.FindIndex(_columns, c => c.Name == name);

    public void WriteHeader(CsvByteWriter w)
    {
        foreach (var column in _columns)
        {
            w.Field(Cp932.Encode(column.Name));
        }

        w.EndRow();
    }

    /// <summary>Every field of the row; the caller ends the row (and may still edit it before, see <see cref="CsvByteWriter.DropField"/>).</summary>
    public void WriteFields(CsvByteWriter w, TRow row)
    {
        foreach (var column in _columns)
        {
            w.Open();
            column.Write(w, row);
        }
    }

    /// <summary>ASCII digits, zero-padded to the width.</summary>
    protected static CsvColumn<TRow> Digits(string name, int width, Func<TRow, long> value) =>
        new(name, (w, row) => w.Digits(value(row), width));

    /// <summary>ASCII digits without padding.</summary>
    protected static CsvColumn<TRow> Number(string name, Func<TRow, int> value) =>
        new(name, (w, row) => w.Number(value(row)));

    /// <summary>Pre-encoded CP932 bytes, already quoted where needed; null is an empty field.</summary>
    protected static CsvColumn<TRow> Bytes(string name, Func<TRow, byte[]?> value) =>
        new(name, (w, row) =>
        {
            if (value(row) is { } bytes)
            {
                w.Raw(bytes);
            }
        });

    /// <summary>Text encoded and quoted as one field (<see cref="Cp932.EncodeField"/>); null is an empty field.</summary>
    protected static CsvColumn<TRow> Text(string name, Func<TRow, string?> value) =>
        new(name, (w, row) =>
        {
            if (value(row) is { } text)
            {
                w.Raw(Cp932.EncodeField(text));
            }
        });

    /// <summary>A one-character code (an ASCII byte).</summary>
    protected static CsvColumn<TRow> Code(string name, Func<TRow, byte> value) =>
        new(name, (w, row) => w.Byte(value(row)));

    /// <summary>A 和暦 date as GYYMMDD (1-digit era code); day 0 is an empty field.</summary>
    protected static CsvColumn<TRow> EraDate(string name, Func<TRow, int> day) =>
        new(name, (w, row) =>
        {
            int d = day(row);
            if (d > 0)
            {
                Wareki.Write(w, d);
            }
        });

    /// <summary>A 西暦 date as yyyyMMdd; day 0 is an empty field.</summary>
    protected static CsvColumn<TRow> GregorianDate(string name, Func<TRow, int> day) =>
        new(name, (w, row) =>
        {
            int d = day(row);
            if (d > 0)
            {
                Wareki.WriteGregorian(w, d);
            }
        });

    /// <summary>Anything the renderings above do not cover (composed addresses, the deliberate defects).</summary>
    protected static CsvColumn<TRow> Custom(string name, Action<CsvByteWriter, TRow> write) => new(name, write);
}
