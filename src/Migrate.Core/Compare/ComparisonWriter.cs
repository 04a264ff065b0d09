using System.Globalization;
using System.Net;
using System.Text;
using Migrate.Core.Report;
using Migrate.Core.Report.Rendering;
using Migrate.Core.Work;

namespace Migrate.Core.Compare;

/// <summary>Writes the comparison as compare.json, compare.csv and a self-contained compare.html.</summary>
public static class ComparisonWriter
{
    public static IReadOnlyList<string> WriteAll(Comparison comparison, string directory)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "compare.json");
        var csv = Path.Combine(directory, "compare.csv");
        var html = Path.Combine(directory, "compare.html");
        Json.Write(json, comparison);
        WriteCsv(comparison, csv);
        AtomicFile.WriteText(html, w => w.Write(RenderHtml(comparison)), new UTF8Encoding(false));
        return [json, csv, html];
    }

    private static readonly string[] DispositionColumns = ["adopt-standard", "justified", "feedback", "pending"];

    private static void WriteCsv(Comparison comparison, string path)
    {
        CsvRows.WriteFile(path, ["id", "category", "title", "vendors", "municipalities", "recurring", "total_count", "adopt_standard", "justified", "feedback", "pending", "where"],
            comparison.Findings, f => [
                f.Id, ReportBuilder.Kebab(f.Category), f.Title, string.Join(" / ", f.Vendors), CsvRows.Number(f.Municipalities), f.Recurring ? "yes" : "no", CsvRows.Number(f.TotalCount),
                .. DispositionColumns.Select(d => CsvRows.Number(f.ByDisposition.GetValueOrDefault(d))),
                string.Join(" / ", f.Decisions.Select(d => d.Municipality)),
            ]);
    }

    private static string RenderHtml(Comparison c)
    {
        static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
            .Append("<title>団体間比較 — カスタマイズ</title><style>")
            .Append("@page{size:A4;margin:15mm}body{font-family:sans-serif;font-size:10pt;color:#222;max-width:60em;margin:auto}")
            .Append("table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #bbb;padding:3px 5px;vertical-align:top}th{background:#eef}")
            .Append("td.n{text-align:right}.id{font-family:monospace;font-size:8pt;word-break:break-all}.en{color:#666;font-size:8pt}")
            .Append("</style></head><body>\n");
        html.Append("<h1>団体間比較 <span class=\"en\">Cross-municipality view of customizations</span></h1>\n");
        html.Append("<p>").Append(N(c.Municipalities.Count)).Append(" 団体の報告書を比較しました。複数の団体に共通するカスタマイズは ")
            .Append(N(c.Recurring)).Append(" 件、1 団体だけのものは ").Append(N(c.Unique)).Append(" 件です。")
            .Append("共通するカスタマイズのうち、いずれかの団体が正当化または標準への提案とした ").Append(N(c.FeedbackCandidates.Count))
            .Append(" 件は、標準仕様へのフィードバック候補です。</p>\n");
        html.Append("<h2>団体 <span class=\"en\">Municipalities</span></h2>\n<table><tr><th>団体コード</th><th>団体名</th><th>ベンダー</th><th>標準</th><th>カスタマイズ件数</th></tr>\n");
        foreach (var m in c.Municipalities)
            html.Append("<tr><td>").Append(H(m.Code ?? "—")).Append("</td><td>").Append(H(m.Name ?? (m.Code is null ? m.Label : "—"))).Append("</td><td>").Append(H(m.Vendor)).Append("</td><td>").Append(H(m.StandardId + " " + m.StandardVersion))
                .Append("</td><td class=\"n\">").Append(N(m.Findings)).Append("</td></tr>\n");
        html.Append("</table>\n");
        foreach (var (title, recurring) in new[] { ("共通するカスタマイズ <span class=\"en\">Recurring</span>", true), ("1 団体だけのカスタマイズ <span class=\"en\">Unique</span>", false) })
        {
            html.Append("<h2>").Append(title).Append("</h2>\n<table><tr><th>ID</th><th>内容</th><th>ベンダー</th><th>団体数</th><th>件数</th><th>処理方針</th></tr>\n");
            foreach (var f in c.Findings.Where(f => f.Recurring == recurring).Take(ReportLabels.MaxRowsPerSection))
            {
                html.Append("<tr><td class=\"id\">").Append(H(f.Id)).Append("</td><td>").Append(H(f.Title)).Append("<div class=\"en\">")
                    .Append(H(ReportLabels.Category(f.Category).Label)).Append("</div></td><td>").Append(H(string.Join("、", f.Vendors)))
                    .Append("</td><td class=\"n\">").Append(N(f.Municipalities))
                    .Append("</td><td class=\"n\">").Append(N(f.TotalCount)).Append("</td><td>")
                    .Append(H(string.Join("、", f.ByDisposition.Select(d => $"{ReportLabels.DispositionLabel(Enum.Parse<Disposition>(d.Key.Replace("-", "", StringComparison.Ordinal), true))} {d.Value}"))))
                    .Append("</td></tr>\n");
            }
            html.Append("</table>\n");
        }
        html.Append("<p class=\"en\">All rows: compare.csv / compare.json. Counts and item names only; no personal values.</p>\n</body></html>\n");
        return html.ToString();
    }
}
