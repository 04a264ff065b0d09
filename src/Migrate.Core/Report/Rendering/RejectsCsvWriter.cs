using System.Globalization;
using CsvHelper;

namespace Migrate.Core.Report.Rendering;

/// <summary>
/// rejects.csv: the reject summary (counts by table, stage, reason code and standard item; never the
/// rejected values themselves, which stay in the owner-only rejects/*.jsonl). UTF-8 with a BOM for Excel.
/// </summary>
public static class RejectsCsvWriter
{
    public static IReadOnlyList<string> Header { get; } =
        ["table", "table_name", "stage", "code", "reason", "item", "item_name", "count"];

    public static void Write(MigrationReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        ReportFiles.WriteText(path, writer => Write(report, writer));
    }

    public static void Write(MigrationReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var name in Header) csv.WriteField(name);
        csv.NextRecord();
        foreach (var r in report.Rejects)
        {
            csv.WriteField(r.Table);
            csv.WriteField(ReportLabels.TableName(report, r.Table));
            csv.WriteField(r.Stage);
            csv.WriteField(r.Code);
            csv.WriteField(ReportLabels.RejectReason(r.Code));
            csv.WriteField(r.Item);
            csv.WriteField(r.ItemName);
            csv.WriteField(r.Count.ToString(CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
        csv.Flush();
    }
}
