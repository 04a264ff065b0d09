using System.Globalization;
using CsvHelper;

namespace Migrate.Core.Report.Rendering;

/// <summary>
/// Writes a header and one CSV record per item (RFC 4180 quoting by CsvHelper), leaving the writer open.
/// Every cell goes through <see cref="SpreadsheetCell.Neutralize"/>: these files are opened in Excel.
/// </summary>
public static class CsvRows
{
    public static void Write<T>(TextWriter writer, IReadOnlyList<string> header, IEnumerable<T> rows, Func<T, IEnumerable<string?>> fields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(fields);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var name in header) csv.WriteField(SpreadsheetCell.Neutralize(name));
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in fields(row)) csv.WriteField(SpreadsheetCell.Neutralize(field));
            csv.NextRecord();
        }
        csv.Flush();
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
