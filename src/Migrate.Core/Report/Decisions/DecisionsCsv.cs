using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Migrate.Core.Diagnostics;
using Migrate.Core.Work;

namespace Migrate.Core.Report.Decisions;

/// <summary>
/// Decisions from an edited report/findings.csv (or any CSV with the same columns): the finding's
/// <c>id</c> and its <c>disposition</c> (or 処理方針) column, with <c>decision_reason</c> (理由),
/// <c>decided_by</c> (担当) and <c>decided_on</c> (日付) when present. The other columns are ignored,
/// so the file the report wrote can be edited in place and given back to <c>--decisions</c>.
/// </summary>
public static class DecisionsCsv
{
    private static readonly string[] IdNames = ["id", "ID"];
    private static readonly string[] DispositionNames = ["disposition", DecisionsWorkbook.DispositionHeader];
    private static readonly string[] ReasonNames = ["decision_reason", "reason", DecisionsWorkbook.ReasonHeader];
    private static readonly string[] DecidedByNames = ["decided_by", DecisionsWorkbook.DecidedByHeader];
    private static readonly string[] DecidedOnNames = ["decided_on", DecisionsWorkbook.DecidedOnHeader];
    private static readonly string[] IssuedNames = ["category", "title", "分類", "内容"];

    public static DecisionsFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw MigrateException.Usage($"{path}: file not found");
        var decisions = new List<Decision>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        // detectEncodingFromByteOrderMarks: Excel saves "CSV UTF-8" with a BOM; without one, UTF-8 is assumed.
        using (var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        using (var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = false, BadDataFound = null }))
        {
            if (!csv.Read() || !csv.ReadHeader())
                throw MigrateException.Usage($"{path}: 空のファイルです (empty file: expected the header of findings.csv)");
            var header = csv.HeaderRecord!.Select(h => h.Trim()).ToArray();
            int Column(string[] names) => Array.FindIndex(header, h => names.Contains(h, StringComparer.OrdinalIgnoreCase));
            var id = Column(IdNames);
            var disposition = Column(DispositionNames);
            if (id < 0 || disposition < 0)
                throw MigrateException.Usage($"{path}: 1行目に「id」列と「disposition」（処理方針）列が必要です (line 1: the header needs an 'id' and a 'disposition' or 処理方針 column, as report/findings.csv has)");
            var reason = Column(ReasonNames);
            var decidedBy = Column(DecidedByNames);
            var decidedOn = Column(DecidedOnNames);
            var issued = Array.FindIndex(header, h => IssuedNames.Contains(h, StringComparer.OrdinalIgnoreCase));
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                string? Field(int index) => index >= 0 && csv.TryGetField<string>(index, out var value) && !string.IsNullOrWhiteSpace(value) ? Rendering.SpreadsheetCell.Restore(value.Trim()) : null;
                string Where(int index) => $"{path}:{line}: {Letter(index)}列（{header[index]}） (line {line}, column {Letter(index)} {header[index]})";

                var findingId = Field(id);
                var text = Field(disposition);
                if (findingId is null)
                {
                    if (text is not null) throw MigrateException.Usage($"{Where(id)}: IDが空の行に判断が書かれています (a decision is written on a row with no id)");
                    continue;
                }
                if (!DispositionKeywords.TryParse(text, out var value))
                    throw MigrateException.Usage($"{Where(disposition)}: 「{text}」は選択肢にありません{Text.DidYouMean.Hint(text!, DispositionKeywords.All)} ('{text}' is not a disposition). {DispositionKeywords.Expected}");
                var why = Field(reason);
                DecisionsWorkbook.RequireReason(value, why, findingId, reason >= 0 ? Where(reason) : Where(disposition));
                if (seen.TryGetValue(findingId, out var first))
                    throw MigrateException.Usage($"{Where(id)}: ID「{findingId}」は {first} にもあります (finding '{findingId}' is decided twice; keep one row)");
                seen[findingId] = $"{line}行目";
                decisions.Add(new Decision(findingId, value, why, Field(decidedBy), Field(decidedOn), new SourcePosition(path, line, id + 1)) { Place = Where(id), IssuedByReport = Field(issued) is not null });
            }
        }
        return new DecisionsFile(Path.GetFullPath(path), FileHash.Sha256(path), null, decisions);
    }

    private static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + index / 26 - 1)}{(char)('A' + index % 26)}";
}
