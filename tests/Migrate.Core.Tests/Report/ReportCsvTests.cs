using System.Globalization;
using System.Text;
using CsvHelper;
using Migrate.Core.Report;
using Migrate.Core.Report.Rendering;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Report;

public sealed class ReportCsvTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("migrate-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Findings_csv_has_a_bom_a_header_and_every_finding()
    {
        var report = SampleReports.Build(SampleReports.ManyCustomColumns(250));
        var path = Path.Combine(_directory, "findings.csv");

        FindingsCsvWriter.Write(report, path);

        File.ReadAllBytes(path).Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var rows = ReadCsv(path);
        rows[0].ShouldBe(["id", "category", "title", "count", "table", "item", "item_name", "source", "column", "legacy_value",
            "standard_value", "resolution", "disposition", "decision_reason", "decided_by", "decided_on"]);
        rows.Count.ShouldBe(1 + report.Findings.Count);
        rows.Skip(1).Select(r => r[0]).ShouldBe(report.Findings.Select(f => f.Id));

        var justified = rows.Single(r => r[0] == "custom-column/person/BIKO");
        justified[1].ShouldBe("custom-column");
        justified[3].ShouldBe("1234");
        justified[12].ShouldBe("justified");
        justified[13].ShouldBe("窓口の引継ぎメモとして必要（条例第3条）");
        justified[14].ShouldBe("情報政策課");
        justified[15].ShouldBe("2025-04-01");
        var code = rows.Single(r => r[0] == "custom-code/zokugara/99");
        code[4..12].ShouldBe(["juki_person", "zokugara", "続柄", "", "", "99", "00", "custom"]);
        code[12].ShouldBe("feedback");
        rows.Single(r => r[0] == "custom-column/person/HTML")[2].ShouldBe(SampleReports.EscapedTitle);
        rows.Single(r => r[0] == "missing-item/juki_person/email")[12].ShouldBe("pending");
    }

    [Fact]
    public void Rejects_csv_has_the_summary_rows_with_japanese_reasons()
    {
        var report = SampleReports.Build();
        var path = Path.Combine(_directory, "rejects.csv");

        RejectsCsvWriter.Write(report, path);

        File.ReadAllBytes(path).Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var rows = ReadCsv(path);
        rows[0].ShouldBe(["table", "table_name", "stage", "code", "reason", "item", "item_name", "count"]);
        rows.Count.ShouldBe(1 + report.Rejects.Count);
        rows[2].ShouldBe(["juki_person", "住民", "map", "date.era-out-of-range", "元号の範囲外の日付", "seinengappi", "生年月日", "850"]);
        rows[5][4].ShouldBe("vendor.weird-code");
    }

    [Fact]
    public void WriteAll_writes_the_five_files_and_returns_their_paths()
    {
        var report = SampleReports.Build();
        var directory = Path.Combine(_directory, "report");

        var paths = ReportFiles.WriteAll(report, directory);

        paths.Select(Path.GetFileName).ShouldBe(["report.json", "report.md", "report.html", "findings.csv", "rejects.csv"]);
        paths.ShouldAllBe(p => File.Exists(p));
        Directory.GetFiles(directory).Length.ShouldBe(5);
        File.ReadAllText(paths[2], Encoding.UTF8).ShouldBe(HtmlReportWriter.Render(report));
        File.ReadAllBytes(paths[2])[0].ShouldBe((byte)'<');
        File.ReadAllText(paths[1], Encoding.UTF8).ShouldBe(MarkdownReportWriter.Render(report));
        var json = Migrate.Core.Work.Json.Read<MigrationReport>(paths[0]);
        json.Findings.Count.ShouldBe(report.Findings.Count);
        json.Reconciliation!.Tables.Single(t => !t.Balanced).TableId.ShouldBe(SampleReports.UnbalancedTable);

        var again = Path.Combine(_directory, "again");
        var second = ReportFiles.WriteAll(report, again);
        for (var i = 0; i < paths.Count; i++)
            File.ReadAllBytes(second[i]).ShouldBeSameBytes(File.ReadAllBytes(paths[i]), Path.GetFileName(paths[i]));
    }

    [Fact]
    public void Findings_and_rejects_csv_are_the_bytes_CsvHelper_writes_after_a_bom()
    {
        var report = SampleReports.Build();
        var findings = Path.Combine(_directory, "findings.csv");
        var rejects = Path.Combine(_directory, "rejects.csv");

        FindingsCsvWriter.Write(report, findings);
        RejectsCsvWriter.Write(report, rejects);

        foreach (var path in new[] { findings, rejects })
        {
            // The same fields written again by CsvHelper's default configuration through a UTF-8 (BOM) StreamWriter.
            using var bytes = new MemoryStream();
            using (var text = new StreamWriter(bytes, new UTF8Encoding(true), 1 << 16, leaveOpen: true))
            using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
            {
                foreach (var row in ReadCsv(path))
                {
                    foreach (var field in row) csv.WriteField(field);
                    csv.NextRecord();
                }
            }
            File.ReadAllBytes(path).ShouldBe(bytes.ToArray(), Path.GetFileName(path));
        }
        File.ReadAllText(findings, Encoding.UTF8).ShouldContain("\"独自項目 <b>&amp; \"\"quoted\"\"\"");
    }

    private static List<string[]> ReadCsv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
            rows.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? "").ToArray());
        return rows;
    }
}
