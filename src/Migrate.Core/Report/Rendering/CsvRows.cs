using System.Globalization;
using Migrate.Core.Work;

namespace Migrate.Core.Report.Rendering;

/// <summary>
/// Writes a CSV file of a header and one record per item for Excel: UTF-8 with a BOM (Excel needs it
/// to read Japanese text correctly), through the one CSV writer (<see cref="Utf8CsvWriter"/>: RFC 4180
/// quoting, CRLF). Every cell goes through <see cref="SpreadsheetCell.Neutralize"/>: these files are
/// opened in Excel. The file is replaced atomically and holds no personal values (mode 0644).
/// </summary>
internal static class CsvRows
{
    public static void WriteFile<T>(string path, IReadOnlyList<string> header, IEnumerable<T> rows, Func<T, IEnumerable<string?>> fields)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(fields);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(ReportFiles.Utf8Bom.Preamble);
            using var csv = new Utf8CsvWriter(stream, leaveOpen: true);
            foreach (var name in header) csv.WriteField(SpreadsheetCell.Neutralize(name));
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var field in fields(row)) csv.WriteField(SpreadsheetCell.Neutralize(field));
                csv.NextRecord();
            }
        }, personal: false);
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
