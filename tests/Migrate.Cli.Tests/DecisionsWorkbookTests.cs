using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Migrate.Cli.Tests.Support;
using Migrate.Samples;

namespace Migrate.Cli.Tests;

/// <summary>
/// Decisions a CIO makes without YAML: decisions.xlsx written by the report and read back, an edited
/// findings.csv, Japanese keywords in YAML, and the errors each gives for a mistake.
/// </summary>
public sealed class DecisionsWorkbookTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> RunSampleAsync()
    {
        var source = _temp.Combine("src");
        var work = _temp.Combine("work");
        await new VendorASample().WriteAsync(new SampleOptions("vendor-a", 300, 5, source), null, TestContext.Current.CancellationToken);
        var result = await CliRunner.RunAsync("run", "--mapping", RepoPaths.VendorAMapping, "--source", source, "--out", work, "--quiet");
        result.ExitCode.ShouldBe(0, result.Error);
        return work;
    }

    /// <summary>Sets column <paramref name="column"/> of sheet 判断 as Excel saves an edit: a shared string.</summary>
    private static void EditWorkbook(string path, string column, Func<string, string?> valueForId)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart ?? workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable ??= new SharedStringTable();
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == "判断");
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Where(r => r.RowIndex! > 1);
        foreach (var row in rows)
        {
            var id = row.Elements<Cell>().First(c => c.CellReference!.Value!.StartsWith('A')).InlineString!.InnerText;
            if (valueForId(id) is not { } value) continue;
            var reference = column + row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture);
            var cell = row.Elements<Cell>().First(c => c.CellReference!.Value == reference);
            strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(value)));
            cell.InlineString = null;
            cell.DataType = CellValues.SharedString;
            cell.CellValue = new CellValue((strings.SharedStringTable.Count() - 1).ToString(CultureInfo.InvariantCulture));
        }
        workbook.Workbook.Save();
    }

    private static List<string> SheetColumn(string path, string sheetName, string column)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == sheetName);
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>()
            .Where(c => c.CellReference!.Value!.StartsWith(column, StringComparison.Ordinal) && char.IsDigit(c.CellReference.Value[column.Length]))
            .Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList();
    }

    [Fact]
    public async Task The_report_writes_decisions_xlsx_with_a_drop_down_and_reads_the_edited_workbook_back()
    {
        var work = await RunSampleAsync();
        var workbook = Path.Combine(work, "decisions.xlsx");
        File.Exists(workbook).ShouldBeTrue();
        SheetColumn(workbook, "判断", "F")[0].ShouldBe("処理方針");
        SheetColumn(workbook, "判断", "F").Skip(1).ShouldAllBe(v => v == "未決定");
        SheetColumn(workbook, "判断", "A").ShouldContain("custom-column/jumin/CHIIKI_FLG");
        using (var document = SpreadsheetDocument.Open(workbook, false))
        {
            var validation = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DataValidation>()).Single();
            validation.Type!.Value.ShouldBe(DataValidationValues.List);
            validation.Formula1!.Text.ShouldBe("\"標準に合わせる,理由を付けて残す,標準へ提案,未決定\"");
            validation.SequenceOfReferences!.InnerText.ShouldStartWith("F2:F");
        }
        var html = await File.ReadAllTextAsync(Path.Combine(work, "report", "report.html"), TestContext.Current.CancellationToken);
        html.ShouldContain(workbook);
        html.ShouldContain($"migrate report --out {Path.GetFullPath(work)} --decisions {workbook}");

        var before = await CliRunner.RunAsync("report", "--out", work, "--quiet", "--fail-on", "pending");
        before.ExitCode.ShouldBe(1);

        EditWorkbook(workbook, "F", id => id == "custom-column/jumin/CHIIKI_FLG" ? "理由を付けて残す" : "標準に合わせる");
        EditWorkbook(workbook, "G", id => id == "custom-column/jumin/CHIIKI_FLG" ? "介護連携のため当面残す" : null);

        // The default location: the workbook in the work directory is read without --decisions.
        var after = await CliRunner.RunAsync("report", "--out", work, "--quiet", "--fail-on", "pending", "--json");
        after.ExitCode.ShouldBe(0, after.Error);
        var report = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "report", "report.json"), TestContext.Current.CancellationToken)).RootElement;
        var memo = report.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "custom-column/jumin/CHIIKI_FLG");
        memo.GetProperty("disposition").GetString().ShouldBe("justified");
        memo.GetProperty("decision_reason").GetString().ShouldBe("介護連携のため当面残す");
        report.GetProperty("summary").GetProperty("by_disposition").TryGetProperty("pending", out _).ShouldBeFalse();

        // Rewritten with the decisions kept (as inline strings now), still read the same way.
        SheetColumn(workbook, "判断", "F").Skip(1).ShouldAllBe(v => v == "標準に合わせる" || v == "理由を付けて残す");
        (await CliRunner.RunAsync("report", "--out", work, "--quiet", "--fail-on", "pending", "--decisions", workbook)).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Workbook_mistakes_name_the_sheet_row_and_column_in_japanese_and_english()
    {
        var work = await RunSampleAsync();
        var workbook = Path.Combine(work, "decisions.xlsx");
        var rowOfMemo = SheetColumn(workbook, "判断", "A").IndexOf("custom-column/jumin/CHIIKI_FLG") + 1;

        EditWorkbook(workbook, "F", id => id == "custom-column/jumin/CHIIKI_FLG" ? "理由を付けて残す" : null);
        var noReason = await CliRunner.RunAsync("report", "--out", work, "--quiet");
        noReason.ExitCode.ShouldBe(2);
        noReason.Error.ShouldContain($"シート「判断」{rowOfMemo}行目 G列（理由） (sheet 判断, row {rowOfMemo}, column G 理由)");
        noReason.Error.ShouldContain("a justified deviation needs its written reason");

        EditWorkbook(workbook, "F", id => id == "custom-column/jumin/CHIIKI_FLG" ? "標準にあわせる" : null);
        var typo = await CliRunner.RunAsync("report", "--out", work, "--quiet");
        typo.ExitCode.ShouldBe(2);
        typo.Error.ShouldContain($"シート「判断」{rowOfMemo}行目 F列（処理方針）");
        typo.Error.ShouldContain("(did you mean '標準に合わせる'?)");
    }

    [Fact]
    public async Task An_edited_findings_csv_is_accepted_as_decisions()
    {
        var work = await RunSampleAsync();
        var findings = Path.Combine(work, "report", "findings.csv");
        var lines = await File.ReadAllLinesAsync(findings, TestContext.Current.CancellationToken);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var column = Array.IndexOf(header, "disposition");
        column.ShouldBeGreaterThanOrEqualTo(0);
        var edited = _temp.Combine("decided.csv");
        using (var csv = new CsvHelper.CsvWriter(new StreamWriter(edited, false, new UTF8Encoding(true)), CultureInfo.InvariantCulture))
        using (var reader = new CsvHelper.CsvReader(new StreamReader(findings), CultureInfo.InvariantCulture))
        {
            while (reader.Read())
            {
                var record = reader.Parser.Record!;
                if (reader.Parser.Row > 1) record[column] = "標準に合わせる";
                foreach (var field in record) csv.WriteField(field);
                csv.NextRecord();
            }
        }

        (await CliRunner.RunAsync("report", "--out", work, "--quiet", "--fail-on", "pending")).ExitCode.ShouldBe(1);
        var decided = await CliRunner.RunAsync("report", "--out", work, "--quiet", "--fail-on", "pending", "--decisions", edited);
        decided.ExitCode.ShouldBe(0, decided.Error);

        await File.WriteAllTextAsync(edited, "id,disposition\ncustom-column/jumin/CHIIKI_FLG,justified\n", TestContext.Current.CancellationToken);
        var noReason = await CliRunner.RunAsync("report", "--out", work, "--quiet", "--decisions", edited);
        noReason.ExitCode.ShouldBe(2);
        noReason.Error.ShouldContain($"{edited}:2: B列（disposition） (line 2, column B disposition)");
    }

    [Fact]
    public async Task Yaml_accepts_japanese_keywords_and_explains_colon_mistakes()
    {
        var work = await RunSampleAsync();
        var decisions = _temp.Combine("decisions.yaml");
        await File.WriteAllTextAsync(decisions, """
            decisions_version: 1
            decisions:
              custom-column/shien/TANTO_KA:
                disposition: 理由を付けて残す
                reason: "介護連携: 当面残す"
              custom-column/jumin/CHIIKI_FLG: { disposition: 標準に合わせる }
            """, TestContext.Current.CancellationToken);
        var ok = await CliRunner.RunAsync("report", "--out", work, "--quiet", "--decisions", decisions);
        ok.ExitCode.ShouldBe(0, ok.Error);

        await File.WriteAllTextAsync(decisions, "decisions_version: 1\ndecisions:\n  custom-column/jumin/CHIIKI_FLG:\n    disposition：標準に合わせる\n", TestContext.Current.CancellationToken);
        var wide = await CliRunner.RunAsync("report", "--out", work, "--quiet", "--decisions", decisions);
        wide.ExitCode.ShouldBe(2);
        wide.Error.ShouldContain($"{decisions}:4:16: 「disposition」の後のコロンが全角（：）です");

        await File.WriteAllTextAsync(decisions, "decisions_version: 1\ndecisions:\n  custom-column/jumin/CHIIKI_FLG:\n    disposition: justified\n    reason: 介護連携: 当面残す\n", TestContext.Current.CancellationToken);
        var nested = await CliRunner.RunAsync("report", "--out", work, "--quiet", "--decisions", decisions);
        nested.ExitCode.ShouldBe(2);
        nested.Error.ShouldContain($"{decisions}:5:13: 「reason」の値に「: 」が含まれています。値全体を引用符で囲んでください（例: reason: \"介護連携: 当面残す\"）");
    }

    [Fact]
    public async Task A_mistyped_finding_id_fails_with_did_you_mean()
    {
        var work = await RunSampleAsync();
        var decisions = _temp.Combine("decisions.yaml");
        await File.WriteAllTextAsync(decisions, "decisions_version: 1\ndecisions:\n  custom-column/jumin/CHIIKI_FIG: { disposition: adopt-standard }\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("report", "--out", work, "--quiet", "--decisions", decisions, "--fail-on", "pending");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain($"{decisions}:3:3: 指摘ID「custom-column/jumin/CHIIKI_FIG」はこの実行の指摘にありません");
        result.Error.ShouldContain("(did you mean 'custom-column/jumin/CHIIKI_FLG'?)");
    }

    [Fact]
    public async Task Decisions_default_to_the_work_directory_never_the_vendors_shared_mapping_folder()
    {
        var work = await RunSampleAsync();
        var vendor = _temp.Combine("vendor");
        Directory.CreateDirectory(vendor);
        var mapping = Path.Combine(vendor, "juki.yaml");
        File.Copy(RepoPaths.VendorAMapping, mapping);
        var shared = Path.Combine(vendor, "juki.decisions.yaml");
        await File.WriteAllTextAsync(shared, "decisions_version: 1\ndecisions:\n  custom-column/jumin/CHIIKI_FLG: { disposition: adopt-standard }\n", TestContext.Current.CancellationToken);

        var init = await CliRunner.RunAsync("report", "--out", work, "--mapping", mapping, "--standard", RepoPaths.Standard(), "--init-decisions");

        init.ExitCode.ShouldBe(0, init.Error);
        init.Error.ShouldContain($"{shared}: not read: decisions belong to a municipality");
        File.Exists(Path.Combine(work, "decisions.yaml")).ShouldBeTrue();
        (await File.ReadAllTextAsync(shared, TestContext.Current.CancellationToken)).ShouldNotContain("pending");
    }
}
