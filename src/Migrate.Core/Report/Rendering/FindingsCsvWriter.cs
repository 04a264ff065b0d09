using System.Globalization;
using System.Text;
using CsvHelper;

namespace Migrate.Core.Report.Rendering;

/// <summary>
/// findings.csv: every finding (no cap), one row each, in report order. UTF-8 with a BOM so Excel opens
/// the Japanese text correctly; RFC 4180 quoting and CRLF line ends; enum values in the report's kebab-case.
/// </summary>
public static class FindingsCsvWriter
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "id", "category", "title", "count", "table", "item", "item_name", "source", "column", "legacy_value",
        "standard_value", "resolution", "disposition", "decision_reason", "decided_by", "decided_on",
    ];

    public static void Write(MigrationReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        ReportFiles.WriteText(path, writer => Write(report, writer));
    }

    /// <summary>Writes the rows to <paramref name="writer"/> (left open); the caller chooses the encoding.</summary>
    public static void Write(MigrationReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var name in Header) csv.WriteField(name);
        csv.NextRecord();
        foreach (var f in report.Findings)
        {
            csv.WriteField(f.Id);
            csv.WriteField(ReportBuilder.Kebab(f.Category));
            csv.WriteField(f.Title);
            csv.WriteField(f.Count.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(f.Table);
            csv.WriteField(f.Item);
            csv.WriteField(f.ItemName);
            csv.WriteField(f.Source);
            csv.WriteField(f.Column);
            csv.WriteField(f.LegacyValue);
            csv.WriteField(f.StandardValue);
            csv.WriteField(f.Resolution);
            csv.WriteField(ReportBuilder.Kebab(f.Disposition));
            csv.WriteField(f.DecisionReason);
            csv.WriteField(f.DecidedBy);
            csv.WriteField(f.DecidedOn);
            csv.NextRecord();
        }
        csv.Flush();
    }
}
