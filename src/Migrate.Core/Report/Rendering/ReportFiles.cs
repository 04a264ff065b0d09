using System.Text;
using Migrate.Core.Work;

namespace Migrate.Core.Report.Rendering;

/// <summary>
/// Writes every report artifact into a directory (normally DIR/report/): report.json for machines,
/// report.md for review threads, report.html for people, findings.csv and rejects.csv for Excel.
/// Each file is written to a temporary name and moved into place, so a reader never sees half a file.
/// </summary>
internal static class ReportFiles
{
    public const string JsonName = "report.json";
    public const string MarkdownName = "report.md";
    public const string HtmlName = "report.html";

    /// <summary>UTF-8 with a BOM: Excel needs it to read Japanese CSV correctly.</summary>
    internal static readonly Encoding Utf8Bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the files and returns their full paths in the order json, md, html, findings.csv, rejects.csv.</summary>
    public static IReadOnlyList<string> WriteAll(MigrationReport report, string reportDirectory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(reportDirectory);
        PrivateFiles.CreateDirectory(reportDirectory);
        var json = Path.Combine(reportDirectory, JsonName);
        var markdown = Path.Combine(reportDirectory, MarkdownName);
        var html = Path.Combine(reportDirectory, HtmlName);
        var findings = Path.Combine(reportDirectory, ReportLabels.FindingsCsvName);
        var rejects = Path.Combine(reportDirectory, ReportLabels.RejectsCsvName);

        Json.Write(json, report);
        WriteText(markdown, MarkdownReportWriter.Render(report), Utf8);
        WriteText(html, HtmlReportWriter.Render(report), Utf8);
        FindingsCsvWriter.Write(report, findings);
        RejectsCsvWriter.Write(report, rejects);
        return [json, markdown, html, findings, rejects];
    }

    /// <summary>Writes through a temporary file and replaces <paramref name="path"/> atomically.</summary>
    private static void WriteText(string path, string text, Encoding encoding) =>
        AtomicFile.WriteText(path, writer => writer.Write(text), encoding);
}
