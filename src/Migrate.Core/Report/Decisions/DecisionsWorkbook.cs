using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Migrate.Core.Diagnostics;
using Migrate.Core.Report.Rendering;
using Migrate.Core.Work;

namespace Migrate.Core.Report.Decisions;

/// <summary>
/// decisions.xlsx: the municipality's decisions as a workbook a CIO edits in Excel. Sheet 判断 has
/// one row per finding (ID, category, what it is, counts) and the editable columns 処理方針 (a
/// drop-down of <see cref="DispositionKeywords.Choices"/>), 理由, 担当 and 日付. Decisions whose
/// finding is gone are kept on sheet 指摘なし, never dropped. Read back by <see cref="Read"/>.
/// </summary>
internal static class DecisionsWorkbook
{
    public const string FileName = "decisions.xlsx";
    public const string DecisionsSheet = "判断";
    public const string StaleSheet = "指摘なし";
    public const string HelpSheet = "記入方法";

    public const string IdHeader = "ID";
    public const string DispositionHeader = "処理方針";
    public const string ReasonHeader = "理由";
    public const string DecidedByHeader = "担当";
    public const string DecidedOnHeader = "日付";

    private const string CategoryHeader = "分類";
    private const string TitleHeader = "内容";

    private static readonly string[] Headers =
        [IdHeader, CategoryHeader, TitleHeader, "説明", "件数", DispositionHeader, ReasonHeader, DecidedByHeader, DecidedOnHeader];

    /// <summary>Column letter of 処理方針 (the drop-down), for messages and the data validation.</summary>
    private const string DispositionColumn = "F";

    /// <summary>Writes the workbook for <paramref name="report"/>'s findings (with their current decisions) and the stale ones.</summary>
    public static void Write(MigrationReport report, string path, string command)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(path);
        // A new, unguessable temporary name (never a link someone planted), and an explicit mode: the
        // workbook holds counts, codes and item names only, as the other report files do.
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var document = SpreadsheetDocument.Create(temp, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var rows = report.Findings.Select(f => new string?[]
            {
                f.Id, ReportLabels.Category(f.Category).Label, f.Title, f.Explanation, CsvRows.Number(f.Count),
                DispositionKeywords.Japanese(f.Disposition), f.DecisionReason, f.DecidedBy, f.DecidedOn,
            }).ToList();
            AddSheet(workbook, 1, DecisionsSheet, Headers, rows, numericColumn: 4, dropDownRows: Math.Max(rows.Count, 1) + 1);
            var stale = report.StaleDecisions.Select(s => new string?[]
            {
                s.FindingId, "", "今回の実行では見つからなかった指摘です（カスタマイズが解消されたか、IDが変わった可能性があります）", "", "",
                DispositionKeywords.Japanese(s.Disposition), s.Reason, s.DecidedBy, s.DecidedOn,
            }).ToList();
            AddSheet(workbook, 2, StaleSheet, Headers, stale, numericColumn: 4, dropDownRows: 0);
            AddSheet(workbook, 3, HelpSheet, ["記入方法 (how to fill in this workbook)"], Help(command).Select(line => new string?[] { line }).ToList(), numericColumn: -1, dropDownRows: 0);
            workbook.Workbook.Save();
        }
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.Move(temp, path, overwrite: true);
    }

    private static IEnumerable<string> Help(string command) =>
    [
        $"1. シート「{DecisionsSheet}」の「{DispositionHeader}」列で、指摘ごとに {string.Join(" / ", DispositionKeywords.Choices)} から選びます。",
        $"2. 「{DispositionKeywords.Justified}」と「{DispositionKeywords.Feedback}」には「{ReasonHeader}」が必要です（残す理由、または提案の内容）。",
        $"3. 「{DecidedByHeader}」に判断した課・担当者、「{DecidedOnHeader}」に判断した日を記入し、同じ名前で保存します。",
        "4. 次のコマンドで報告書に反映します（移行事業者に依頼してください）:",
        "   " + command,
        "ID・分類・内容・件数の列は変更しないでください。行の並べ替えや列の追加は構いません。",
        $"シート「{StaleSheet}」は、以前の判断のうち今回の実行で該当する指摘がなくなったものです。消さずに残しています。",
        "",
        $"1. For each finding on sheet {DecisionsSheet}, choose a value in column {DispositionHeader} ({string.Join(" / ", DispositionKeywords.Choices)}:",
        "   adopt the standard / keep with a written reason / propose to the standard / not decided).",
        $"2. {DispositionKeywords.Justified} and {DispositionKeywords.Feedback} need a {ReasonHeader} (reason or proposal). Fill in {DecidedByHeader} (who) and {DecidedOnHeader} (date), save under the same name.",
        "3. Apply the decisions with the command above.",
    ];

    private static void AddSheet(WorkbookPart workbook, uint id, string name, IReadOnlyList<string> headers, IReadOnlyList<string?[]> rows, int numericColumn, int dropDownRows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(1, headers.ToArray(), -1));
        for (var i = 0; i < rows.Count; i++) data.Append(Row((uint)(i + 2), rows[i], numericColumn));
        var worksheet = new Worksheet();
        if (headers.Count > 1)
        {
            worksheet.Append(new Columns(
                Width(1, 34), Width(2, 14), Width(3, 40), Width(4, 50), Width(5, 9), Width(6, 18), Width(7, 40), Width(8, 16), Width(9, 12)));
        }
        worksheet.Append(data);
        if (dropDownRows > 1)
        {
            // Excel shows the list as a drop-down and refuses other values typed into the cell.
            worksheet.Append(new DataValidations(new DataValidation(new Formula1($"\"{string.Join(",", DispositionKeywords.Choices)}\""))
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowDropDown = false, // false means "show the in-cell arrow" in SpreadsheetML
                ShowErrorMessage = true,
                ErrorTitle = DispositionHeader,
                Error = $"{string.Join(" / ", DispositionKeywords.Choices)} から選んでください",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{DispositionColumn}2:{DispositionColumn}{dropDownRows}" },
            })
            { Count = 1 });
        }
        part.Worksheet = worksheet;
        workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Column Width(uint column, double width) => new() { Min = column, Max = column, Width = width, CustomWidth = true };

    private static Row Row(uint index, string?[] values, int numericColumn)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Length; c++)
        {
            var reference = ColumnLetter(c) + index.ToString(CultureInfo.InvariantCulture);
            var value = values[c] ?? "";
            row.Append(c == numericColumn && value.Length > 0
                ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value) }
                : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(value) { Space = SpaceProcessingModeValues.Preserve }) });
        }
        return row;
    }

    private static string ColumnLetter(int index) => ((char)('A' + index)).ToString();

    /// <summary>
    /// Reads the decisions back from sheet 判断 (and 指摘なし): columns are found by their header, so a
    /// CIO may reorder or add columns. Rows whose ID is empty are ignored; undecided rows stay pending.
    /// Every refusal names the sheet, row and column in Japanese and English.
    /// </summary>
    public static DecisionsFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw MigrateException.Usage($"{path}: file not found");
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw MigrateException.Usage($"{path}: Excelのブック（.xlsx）として読めません (not a readable .xlsx workbook: {e.Message})");
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw MigrateException.Usage($"{path}: ブックにシートがありません (the workbook has no sheets)");
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            var main = sheets.FirstOrDefault(s => s.Name == DecisionsSheet)
                ?? throw MigrateException.Usage($"{path}: シート「{DecisionsSheet}」がありません (no sheet named {DecisionsSheet}; keep the sheet the report wrote)");
            var decisions = new List<Decision>();
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var sheet in new[] { main }.Concat(sheets.Where(s => s.Name == StaleSheet)))
                ReadSheet(path, (WorksheetPart)workbook.GetPartById(sheet.Id!), sheet.Name!, strings, decisions, seen, stale: sheet != main);
            return new DecisionsFile(Path.GetFullPath(path), FileHash.Sha256(path), null, decisions);
        }
    }

    private static void ReadSheet(string path, WorksheetPart part, string sheet, List<string> strings, List<Decision> decisions, Dictionary<string, string> seen, bool stale)
    {
        var rows = part.Worksheet.Descendants<Row>().ToList();
        var header = rows.FirstOrDefault(r => r.RowIndex?.Value == 1);
        var columns = header is null ? [] : header.Elements<Cell>().ToDictionary(c => CellText(c, strings).Trim(), c => ColumnOf(c.CellReference?.Value), StringComparer.Ordinal);
        foreach (var required in new[] { IdHeader, DispositionHeader, ReasonHeader })
            if (!columns.ContainsKey(required))
                throw MigrateException.Usage($"{path}: シート「{sheet}」の1行目に「{required}」列がありません (sheet {sheet}, row 1: no column headed {required}; keep the headers the report wrote)");
        foreach (var row in rows.Where(r => r.RowIndex?.Value > 1))
        {
            var line = row.RowIndex!.Value;
            var cells = row.Elements<Cell>().ToDictionary(c => ColumnOf(c.CellReference?.Value), c => c);
            string? Value(string name, bool date = false) =>
                columns.TryGetValue(name, out var col) && cells.TryGetValue(col, out var cell) ? Nullable(date ? DateText(cell, strings) : CellText(cell, strings)) : null;
            string Where(string name) => Place(path, sheet, line, columns.GetValueOrDefault(name) ?? "?", name);

            var id = Value(IdHeader);
            var dispositionText = Value(DispositionHeader);
            var reason = Value(ReasonHeader);
            var decidedBy = Value(DecidedByHeader);
            var decidedOn = Value(DecidedOnHeader, date: true);
            if (id is null)
            {
                if (dispositionText is not null || reason is not null)
                    throw MigrateException.Usage($"{Where(IdHeader)}: IDが空の行に判断が書かれています (a decision is written on a row with no ID; decide on the row of its finding)");
                continue;
            }
            if (!DispositionKeywords.TryParse(dispositionText, out var disposition))
                throw MigrateException.Usage($"{Where(DispositionHeader)}: 「{dispositionText}」は選択肢にありません{Migrate.Core.Text.DidYouMean.Hint(dispositionText!, DispositionKeywords.All)} ('{dispositionText}' is not a choice). {DispositionKeywords.Expected}");
            RequireReason(disposition, reason, id, Where(ReasonHeader));
            if (seen.TryGetValue(id, out var first))
                throw MigrateException.Usage($"{Where(IdHeader)}: ID「{id}」は {first} にもあります (finding '{id}' is decided twice; keep one row)");
            seen[id] = Where(IdHeader);
            decisions.Add(new Decision(id, disposition, reason, decidedBy, decidedOn, new SourcePosition(path, line, 1)) { Place = Where(IdHeader), MarkedStale = stale, IssuedByReport = Value(CategoryHeader) is not null || Value(TitleHeader) is not null });
        }
    }

    /// <summary>Justified deviations and proposals are worthless without their text: refused, naming the cell.</summary>
    internal static void RequireReason(Disposition disposition, string? reason, string id, string where)
    {
        if (!string.IsNullOrWhiteSpace(reason)) return;
        if (disposition == Disposition.Justified)
            throw MigrateException.Usage($"{where}: 「{id}」を{DispositionKeywords.Justified}には理由が必要です ('{id}': a justified deviation needs its written reason)");
        if (disposition == Disposition.Feedback)
            throw MigrateException.Usage($"{where}: 「{id}」を{DispositionKeywords.Feedback}するには提案の内容が必要です ('{id}': a proposal to the standard needs a description of what to propose)");
    }

    internal static string Place(string path, string sheet, long row, string column, string header) =>
        $"{path}: シート「{sheet}」{row}行目 {column}列（{header}） (sheet {sheet}, row {row}, column {column} {header})";

    private static string? Nullable(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string ColumnOf(string? reference) => new((reference ?? "").TakeWhile(char.IsLetter).ToArray());

    private static string CellText(Cell cell, List<string> strings)
    {
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(cell.CellValue?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        return cell.CellValue?.Text ?? "";
    }

    /// <summary>A date typed into Excel is stored as a serial number: read it back as yyyy-MM-dd.</summary>
    private static string DateText(Cell cell, List<string> strings)
    {
        var text = CellText(cell, strings);
        if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
                return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return text;
    }
}
