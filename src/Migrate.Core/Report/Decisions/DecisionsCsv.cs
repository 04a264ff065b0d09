using Migrate.Core.Diagnostics;
using Migrate.Core.Work;
using nietras.SeparatedValues;

namespace Migrate.Core.Report.Decisions;

/// <summary>
/// Decisions from an edited report/findings.csv (or any CSV with the same columns): the finding's
/// <c>id</c> and its <c>disposition</c> (or 処理方針) column, with <c>decision_reason</c> (理由),
/// <c>decided_by</c> (担当) and <c>decided_on</c> (日付) when present. The other columns are ignored,
/// so the file the report wrote can be edited in place and given back to <c>--decisions</c>.
/// </summary>
internal static class DecisionsCsv
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
        string[]? header = null;
        int id = -1, disposition = -1, reason = -1, decidedBy = -1, decidedOn = -1, issued = -1;
        // detectEncodingFromByteOrderMarks: Excel saves "CSV UTF-8" with a BOM; without one, UTF-8 is assumed.
        using (var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        using (var csv = CsvReaders.Open(reader))
        {
            while (csv.MoveNext())
            {
                var row = csv.Current;
                // A blank line is no row.
                if (row.Span.IsEmpty) continue;
                if (CsvReaders.MisplacedQuote(row.Span) is var (quote, column))
                {
                    var at = CsvReaders.FirstLine(row) + CsvReaders.LineEnds(row.Span[..quote]);
                    throw MigrateException.Usage($"{path}:{at}: {Letter(column)}列: 引用符（\"）が値全体を囲んでいません (line {at}, column {Letter(column)}: a quote must enclose the whole value, with each quote inside it doubled, as Excel saves a CSV)");
                }
                if (header is null)
                {
                    header = [.. row[..].ToStringsArray().Select(h => h.Trim())];
                    int Column(string[] names) => Array.FindIndex(header, h => names.Contains(h, StringComparer.OrdinalIgnoreCase));
                    id = Column(IdNames);
                    disposition = Column(DispositionNames);
                    if (id < 0 || disposition < 0)
                        throw MigrateException.Usage($"{path}: 1行目に「id」列と「disposition」（処理方針）列が必要です (line 1: the header needs an 'id' and a 'disposition' or 処理方針 column, as report/findings.csv has)");
                    reason = Column(ReasonNames);
                    decidedBy = Column(DecidedByNames);
                    decidedOn = Column(DecidedOnNames);
                    issued = Column(IssuedNames);
                    continue;
                }

                // The line a row ends on, as the CSV reader before Sep (CsvHelper) named it.
                var line = CsvReaders.LastLine(row);
                string Where(int index) => $"{path}:{line}: {Letter(index)}列（{header[index]}） (line {line}, column {Letter(index)} {header[index]})";

                var findingId = Field(row, id);
                var text = Field(row, disposition);
                if (findingId is null)
                {
                    if (text is not null) throw MigrateException.Usage($"{Where(id)}: IDが空の行に判断が書かれています (a decision is written on a row with no id)");
                    continue;
                }
                if (!DispositionKeywords.TryParse(text, out var value))
                    throw MigrateException.Usage($"{Where(disposition)}: 「{text}」は選択肢にありません{Text.DidYouMean.Hint(text!, DispositionKeywords.All)} ('{text}' is not a disposition). {DispositionKeywords.Expected}");
                var why = Field(row, reason);
                DecisionsWorkbook.RequireReason(value, why, findingId, reason >= 0 ? Where(reason) : Where(disposition));
                if (seen.TryGetValue(findingId, out var first))
                    throw MigrateException.Usage($"{Where(id)}: ID「{findingId}」は {first} にもあります (finding '{findingId}' is decided twice; keep one row)");
                seen[findingId] = $"{line}行目";
                decisions.Add(new Decision(findingId, value, why, Field(row, decidedBy), Field(row, decidedOn), new SourcePosition(path, line, id + 1)) { Place = Where(id), IssuedByReport = Field(row, issued) is not null });
            }
        }
        if (header is null) throw MigrateException.Usage($"{path}: 空のファイルです (empty file: expected the header of findings.csv)");
        return new DecisionsFile(Path.GetFullPath(path), FileHash.Sha256(path), null, decisions);
    }

    /// <summary>The value in column <paramref name="index"/>, trimmed and as written before the report neutralized it; null when blank or absent.</summary>
    private static string? Field(SepReader.Row row, int index)
    {
        if (index < 0 || index >= row.ColCount) return null;
        var value = row[index].Span.Trim();
        return value.IsEmpty ? null : Rendering.SpreadsheetCell.Restore(value.ToString());
    }

    private static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + index / 26 - 1)}{(char)('A' + index % 26)}";
}
