using nietras.SeparatedValues;

namespace Migrate.Core.Work;

/// <summary>
/// The one CSV reader of Core, Sep, set to read RFC 4180 files as <see cref="Utf8CsvWriter"/> writes
/// them (and as Excel saves a CSV): comma-separated, a quoted value unquoted with its doubled quotes
/// undone as it is read, rows of any length, no header taken. A legacy export is read by Sep too,
/// set up by its format (any delimiter, quoting judged field by field).
/// </summary>
internal static class CsvReaders
{
    private static readonly SepReaderOptions Options = Sep.New(',').Reader(o => o with
    {
        HasHeader = false,
        Unescape = true,
        DisableColCountCheck = true,
    });

    public static SepReader Open(TextReader text) => Options.From(text);

    public static SepReader OpenText(string text) => Options.FromText(text);

    /// <summary>The line a row starts on (1-based).</summary>
    /// <remarks>Sep 0.17 reports the first row's LineNumberFrom as the line after it; the first row starts on line 1.</remarks>
    public static int FirstLine(SepReader.Row row) => row.RowIndex == 0 ? 1 : row.LineNumberFrom;

    /// <summary>The line a row ends on (1-based): the line CsvHelper named as a record's RawRow.</summary>
    public static int LastLine(SepReader.Row row) => row.LineNumberToExcl - 1;

    /// <summary>
    /// The first quote in <paramref name="row"/> (a row's raw text) that breaks RFC 4180: inside a value
    /// that does not start with one, followed by more of the value after it closes, or never closed.
    /// Sep reads such a quote as the start of a quoted section, which would join the rows up to the
    /// next quote; the caller refuses the file instead.
    /// </summary>
    /// <returns>The quote's index in <paramref name="row"/> and its column (0-based), or null when every quote is in place.</returns>
    public static (int Index, int Column)? MisplacedQuote(ReadOnlySpan<char> row)
    {
        var column = 0;
        var i = 0;
        while (true)
        {
            if (i < row.Length && row[i] == '"')
            {
                var open = i++;
                while (true)
                {
                    var close = row[i..].IndexOf('"');
                    if (close < 0) return (open, column);
                    i += close + 1;
                    if (i < row.Length && row[i] == '"') i++;
                    else break;
                }
                if (i == row.Length) return null;
                if (row[i] != ',') return (i - 1, column);
            }
            else
            {
                var end = row[i..].IndexOfAny(',', '"');
                if (end < 0) return null;
                i += end;
                if (row[i] == '"') return (i, column);
            }
            i++;
            column++;
        }
    }

    /// <summary>Lines <paramref name="text"/> ends (CRLF, CR or LF each one line end).</summary>
    public static int LineEnds(ReadOnlySpan<char> text)
    {
        var ends = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) ends++;
        }
        return ends;
    }
}
