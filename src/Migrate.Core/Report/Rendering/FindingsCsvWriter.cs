
namespace Migrate.Core.Report.Rendering;

/// <summary>
/// findings.csv: every finding (no cap), one row each, in report order. UTF-8 with a BOM so Excel opens
/// the Japanese text correctly; RFC 4180 quoting and CRLF line ends; enum values in the report's kebab-case.
/// </summary>
internal static class FindingsCsvWriter
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "id", "category", "title", "count", "table", "item", "item_name", "source", "column", "legacy_value",
        "standard_value", "resolution", "disposition", "decision_reason", "decided_by", "decided_on",
    ];

    public static void Write(MigrationReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        CsvRows.WriteFile(path, Header, report.Findings, f => [
            f.Id, ReportBuilder.Kebab(f.Category), f.Title, CsvRows.Number(f.Count), f.Table, f.Item, f.ItemName, f.Source, f.Column,
            f.LegacyValue, f.StandardValue, f.Resolution, ReportBuilder.Kebab(f.Disposition), f.DecisionReason, f.DecidedBy, f.DecidedOn,
        ]);
    }
}
