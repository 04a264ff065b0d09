using System.Globalization;
using CsvHelper;

namespace Migrate.Core.Report.Rendering;

/// <summary>Writes a header and one CSV record per item (RFC 4180 quoting by CsvHelper), leaving the writer open.</summary>
public static class CsvRows
{
    public static void Write<T>(TextWriter writer, IReadOnlyList<string> header, IEnumerable<T> rows, Func<T, IEnumerable<string?>> fields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(fields);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var name in header) csv.WriteField(name);
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in fields(row)) csv.WriteField(field);
            csv.NextRecord();
        }
        csv.Flush();
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
