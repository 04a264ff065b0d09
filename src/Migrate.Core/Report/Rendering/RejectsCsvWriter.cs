namespace Migrate.Core.Report.Rendering;

/// <summary>
/// rejects.csv: the reject summary (counts by table, stage, reason code and standard item; never the
/// rejected values themselves, which stay in the owner-only rejects/*.jsonl). UTF-8 with a BOM for Excel.
/// </summary>
internal static class RejectsCsvWriter
{
    public static IReadOnlyList<string> Header { get; } =
        ["table", "table_name", "stage", "code", "reason", "item", "item_name", "count"];

    public static void Write(MigrationReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        CsvRows.WriteFile(path, Header, report.Rejects, r => [
            r.Table, ReportLabels.TableName(report, r.Table), r.Stage, r.Code, ReportLabels.RejectReason(r.Code), r.Item, r.ItemName, CsvRows.Number(r.Count),
        ]);
    }
}
