using System.Net;
using System.Text;
using Migrate.Core.Work;
using static Migrate.Core.Report.Rendering.ReportLabels;

namespace Migrate.Core.Report.Rendering;

/// <summary>
/// report.html: one self-contained page for the people who decide (a municipal CIO, not an engineer).
/// Inline CSS and inline SVG only (no scripts, fonts, images or links to the network), Japanese labels,
/// printable on A4. Every data string is HTML-encoded; the same report always gives the same bytes
/// (no clock, invariant number formatting, '\n' line ends).
/// </summary>
internal static class HtmlReportWriter
{
    public static string Render(MigrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(64 * 1024);
        Head(html, report);
        Header(html, report);
        Summary(html, report);
        AttentionSection(html, report);
        var first = true;
        var number = 0;
        foreach (var category in AllCategoriesInOrder(report))
        {
            CategorySection(html, report, Category(category), ++number, first);
            first = false;
        }
        StaleDecisionsSection(html, report);
        Rejects(html, report);
        ReconciliationSection(html, report);
        ProtectionSection(html, report);
        NotCheckedSection(html, report);
        Footer(html, report);
        return html.ToString();
    }

    public static void Write(MigrationReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Render(report));
    }

    private static string H(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static void Line(StringBuilder html, string text) => html.Append(text).Append('\n');

    private const string Css = """
        @page { size: A4; margin: 15mm; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: "Hiragino Kaku Gothic ProN", "Hiragino Sans", "BIZ UDPGothic", "Yu Gothic", "Meiryo", "Noto Sans CJK JP", "Noto Sans JP", sans-serif;
          color: #1a1a1a; background: #fff; font-size: 10.5pt; line-height: 1.6; max-width: 190mm; margin: 0 auto; padding: 8mm 5mm; }
        h1 { font-size: 19pt; margin: 0 0 2pt; line-height: 1.3; }
        h2 { font-size: 14pt; margin: 18pt 0 6pt; padding-bottom: 2pt; border-bottom: 2px solid #3c4a5c; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; page-break-after: avoid; }
        p { margin: 4pt 0; }
        .en { font-size: 8pt; color: #5f6368; font-weight: normal; }
        .count { font-size: 11pt; font-weight: bold; color: #3c4a5c; margin-left: 6pt; white-space: nowrap; }
        .sub { font-size: 8pt; color: #5f6368; margin-top: 1pt; }
        .note { font-size: 9pt; color: #5f6368; }
        .explain { background: #f6f7f9; border-left: 3pt solid #8a94a3; padding: 4pt 8pt; margin: 4pt 0 6pt; break-inside: avoid; page-break-inside: avoid; }
        .meta { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 10pt; margin: 8pt 0; font-size: 9.5pt; }
        .meta dt { color: #5f6368; }
        .meta dd { margin: 0; }
        code, .id { font-family: ui-monospace, "SFMono-Regular", Consolas, "Liberation Mono", monospace; font-size: 8pt; word-break: break-all; }
        .verdict { border: 2px solid; border-radius: 4pt; padding: 6pt 10pt; margin: 8pt 0; break-inside: avoid; page-break-inside: avoid; }
        .verdict strong { font-size: 14pt; }
        .verdict.ok { color: #1b5e20; background: #e8f5e9; border-color: #2e7d32; }
        .verdict.ng { color: #b71c1c; background: #ffebee; border-color: #c62828; border-width: 3px; }
        .verdict.none { color: #7a4100; background: #fff4e0; border-color: #e0a040; }
        .cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 5pt; margin: 8pt 0; break-inside: avoid; page-break-inside: avoid; }
        .card { border: 1px solid #d0d4d9; border-radius: 4pt; padding: 5pt 3pt; text-align: center; }
        .card .n { display: block; font-size: 17pt; font-weight: bold; line-height: 1.2; }
        .card .l { display: block; font-size: 9pt; }
        .card.total { background: #eef1f5; }
        .card.attention { border-color: #e0a040; background: #fff4e0; }
        .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 8pt; }
        table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4pt 0 6pt; font-size: 9pt; }
        th, td { border: 1px solid #d0d4d9; padding: 2.5pt 4pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
        th { background: #eef1f5; font-weight: bold; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .mark { text-align: center; white-space: nowrap; font-weight: bold; }
        tr.ng td { background: #ffebee; }
        .ok-mark { color: #1b5e20; }
        .ng-mark { color: #b71c1c; }
        tfoot td { font-weight: bold; background: #f6f7f9; }
        .badge { display: inline-block; padding: 0 4pt; border: 1px solid; border-radius: 3pt; font-size: 8.5pt; white-space: nowrap; }
        td .badge { white-space: normal; }
        .d-adopt-standard { color: #1b5e20; background: #e8f5e9; border-color: #2e7d32; }
        .d-justified { color: #0d47a1; background: #e3f2fd; border-color: #1565c0; }
        .d-feedback { color: #4a148c; background: #f3e5f5; border-color: #6a1b9a; }
        .d-pending { color: #7a4100; background: #fff4e0; border-color: #e0a040; }
        .critical { color: #b71c1c; border-color: #c62828; background: #fff; }
        .warning { color: #b71c1c; font-size: 8.5pt; }
        .more { border: 1px dashed #8a94a3; padding: 4pt 8pt; font-size: 9pt; }
        .none-found { color: #5f6368; }
        figure { margin: 8pt 0; break-inside: avoid; page-break-inside: avoid; }
        figcaption { font-weight: bold; font-size: 10pt; margin-bottom: 2pt; }
        svg { display: block; width: 100%; height: auto; }
        svg text { font-family: inherit; font-size: 11px; fill: #1a1a1a; }
        svg .axis { stroke: #8a94a3; stroke-width: 1; }
        svg .track { fill: #f1f3f4; }
        svg .bar { fill: #3f6fb5; }
        svg .seg-adopt-standard { fill: #2e7d32; }
        svg .seg-justified { fill: #1565c0; }
        svg .seg-feedback { fill: #6a1b9a; }
        svg .seg-pending { fill: #f0a030; }
        svg text.in { fill: #fff; font-size: 10px; }
        svg text.in-dark { fill: #1a1a1a; font-size: 10px; }
        nav.toc { break-inside: avoid; page-break-inside: avoid; }
        nav.toc ol { margin: 2pt 0; padding-left: 18pt; columns: 2; font-size: 9.5pt; }
        a { color: #0b57a4; text-decoration: none; }
        ul.not-checked { break-inside: avoid; page-break-inside: avoid; }
        ul.not-checked li { margin: 2pt 0; }
        footer { margin-top: 18pt; padding-top: 4pt; border-top: 1px solid #d0d4d9; font-size: 8pt; color: #5f6368; }
        .page-start { break-before: page; page-break-before: always; }
        @media print { body { max-width: none; padding: 0; } a { color: inherit; } }
        @media screen and (max-width: 640px) { .cards { grid-template-columns: repeat(2, 1fr); } .pair { grid-template-columns: 1fr; } }
        """;

    private static void Head(StringBuilder html, MigrationReport report)
    {
        Line(html, "<!DOCTYPE html>");
        Line(html, "<html lang=\"ja\">");
        Line(html, "<head>");
        Line(html, "<meta charset=\"utf-8\">");
        Line(html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        // The page needs nothing from anywhere: forbid every fetch so a stray reference cannot leak on a closed network.
        Line(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        Line(html, "<meta name=\"generator\" content=\"migrate " + H(report.ToolVersion) + "\">");
        Line(html, "<title>" + H(Title) + " — " + H(report.Municipality ?? report.Vendor) + "</title>");
        Line(html, "<style>");
        html.Append(Css.Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\n');
        Line(html, "</style>");
        Line(html, "</head>");
        Line(html, "<body>");
    }

    private static void Header(StringBuilder html, MigrationReport report)
    {
        Line(html, "<header>");
        Line(html, "<h1>" + H(Title) + "</h1>");
        Line(html, "<div class=\"en\">" + H(TitleEnglish) + "</div>");
        Line(html, "<dl class=\"meta\">");
        Meta(html, "ベンダー", "Vendor", H(report.Vendor));
        if (!string.IsNullOrEmpty(report.Municipality)) Meta(html, "団体", "Municipality", H(report.Municipality));
        Meta(html, "標準仕様", "Standard", H(report.StandardName) + "（版 " + H(report.StandardVersion) + "） <span class=\"en\">(" + H(report.StandardId) + " " + H(report.StandardVersion) + ")</span>");
        Meta(html, "実行ID", "Run ID", "<span class=\"id\">" + H(report.RunId) + "</span>");
        Meta(html, "ツール版", "Tool version", "migrate " + H(report.ToolVersion));
        Meta(html, "マッピング", "Mapping SHA-256", "<span class=\"id\">" + H(report.MappingSha256) + "</span>");
        Line(html, "</dl>");
        Line(html, "<p class=\"explain\">" + H(Introduction) + "</p>");
        Line(html, "</header>");
    }

    private static void Meta(StringBuilder html, string label, string english, string valueHtml) =>
        Line(html, "<dt>" + H(label) + " <span class=\"en\">" + H(english) + "</span></dt><dd>" + valueHtml + "</dd>");

    private static void Contents(StringBuilder html, MigrationReport report)
    {
        Line(html, "<nav class=\"toc\" aria-label=\"目次\">");
        Line(html, "<h3>目次 <span class=\"en\">Contents</span></h3>");
        Line(html, "<ol>");
        foreach (var category in AllCategoriesInOrder(report))
        {
            var text = Category(category);
            Line(html, "<li><a href=\"#cat-" + H(text.Key) + "\">" + H(text.Label) + "</a> <span class=\"en\">" + N(Count(report, category)) + "件</span></li>");
        }
        Line(html, "<li><a href=\"#rejects\">却下（リジェクト）</a></li>");
        Line(html, "<li><a href=\"#reconciliation\">件数の突合</a></li>");
        Line(html, "<li><a href=\"#not-checked\">確認していないこと</a></li>");
        Line(html, "</ol>");
        Line(html, "</nav>");
    }

    private static void Summary(StringBuilder html, MigrationReport report)
    {
        var s = report.Summary;
        var total = report.Findings.Count;
        var pending = ReportLabels.Count(report, Disposition.Pending);
        Line(html, "<section id=\"summary\">");
        Line(html, "<h2>要約 <span class=\"en\">Summary</span></h2>");
        Verdict(html, report);

        Line(html, "<div class=\"cards\">");
        Card(html, "total", N(total), "カスタマイズ", "Customizations");
        Card(html, "", N(ReportLabels.Count(report, Disposition.Justified)), DispositionLabel(Disposition.Justified), DispositionEnglish(Disposition.Justified));
        Card(html, pending > 0 ? "attention" : "", N(pending), DispositionLabel(Disposition.Pending), DispositionEnglish(Disposition.Pending));
        Card(html, "", N(ReportLabels.Count(report, Disposition.Feedback)), DispositionLabel(Disposition.Feedback), DispositionEnglish(Disposition.Feedback));
        Card(html, "", N(ReportLabels.Count(report, Disposition.AdoptStandard)), DispositionLabel(Disposition.AdoptStandard), DispositionEnglish(Disposition.AdoptStandard));
        Line(html, "</div>");
        Line(html, pending > 0
            ? "<p>見つかったカスタマイズ " + N(total) + " 件のうち、<strong>" + N(pending) + " 件の処理方針が未決定</strong>です。移行を承認する前に、すべての項目について処理方針（標準に合わせる・理由を付けて残す・標準へ提案）を決めてください。</p>"
            : total == 0
                ? "<p>標準仕様にないカスタマイズは見つかりませんでした（下の「確認していないこと」も参照してください）。</p>"
                : "<p>見つかったカスタマイズ " + N(total) + " 件すべてについて処理方針が決まっています。</p>");
        HowToDecideSection(html, report);

        Line(html, "<div class=\"pair\">");
        Line(html, "<table>");
        Line(html, "<caption class=\"en\" style=\"caption-side: top; text-align: left\">記録の件数 (records)</caption>");
        Line(html, "<thead><tr><th>読み込み <span class=\"en\">read</span></th><th>移行 <span class=\"en\">loaded</span></th><th>リジェクト <span class=\"en\">rejected</span></th><th>除外 <span class=\"en\">filtered</span></th></tr></thead>");
        Line(html, "<tbody><tr><td class=\"num\">" + N(s.RowsRead) + "</td><td class=\"num\">" + N(s.RowsLoaded) + "</td><td class=\"num\">" + N(s.RowsRejected) + "</td><td class=\"num\">" + N(s.RowsFiltered) + "</td></tr></tbody>");
        Line(html, "</table>");
        Line(html, "<table>");
        Line(html, "<caption class=\"en\" style=\"caption-side: top; text-align: left\">外字の出現数 (gaiji occurrences)</caption>");
        Line(html, "<thead><tr><th>同定 <span class=\"en\">identified</span></th><th>縮退 <span class=\"en\">reduced</span></th><th>未解決 <span class=\"en\">unresolved</span></th></tr></thead>");
        Line(html, "<tbody><tr><td class=\"num\">" + N(s.GaijiResolved) + "</td><td class=\"num\">" + N(s.GaijiReduced) + "</td><td class=\"num\">" + N(s.GaijiUnresolved) + "</td></tr></tbody>");
        Line(html, "</table>");
        Line(html, "</div>");

        Line(html, "<figure>");
        Line(html, "<figcaption>種類別のカスタマイズ件数 <span class=\"en\">Findings by category</span></figcaption>");
        Line(html, SvgCharts.CategoryBars(report));
        Line(html, "</figure>");
        Line(html, "<figure>");
        Line(html, "<figcaption>処理方針の内訳 <span class=\"en\">Findings by disposition</span></figcaption>");
        Line(html, SvgCharts.DispositionStacks(report));
        Line(html, "</figure>");
        Contents(html, report);
        Line(html, "</section>");
    }

    private static void Verdict(StringBuilder html, MigrationReport report)
    {
        switch (Balanced(report))
        {
            case true:
                Line(html, "<div class=\"verdict ok\" role=\"status\"><strong>✔ 件数の突合: 一致</strong> <span class=\"en\">Reconciliation OK</span>"
                    + "<br>すべてのテーブルで、読み込んだ件数 ＝ 移行 ＋ リジェクト ＋ 除外 が成り立っています。</div>");
                break;
            case false:
                var bad = report.Reconciliation!.Tables.Where(t => !RowBalanced(t)).Select(t => TableName(report, t.TableId)).ToList();
                Line(html, "<div class=\"verdict ng\" role=\"alert\"><strong>✘ 件数の突合: 不一致</strong> <span class=\"en\">NOT balanced</span>"
                    + "<br>読み込んだ件数と、移行・リジェクト・除外の合計が一致しません"
                    + (bad.Count > 0 ? "（" + H(string.Join("、", bad)) + "）" : "")
                    + "。記録が失われている可能性があります。移行を承認する前に原因を確認してください。</div>");
                break;
            default:
                Line(html, "<div class=\"verdict none\" role=\"status\"><strong>件数の突合: 未実施</strong> <span class=\"en\">Not reconciled</span>"
                    + "<br>投入（load）が完了していないため、件数の突合は行われていません。</div>");
                break;
        }
    }

    private static void Card(StringBuilder html, string cssClass, string number, string label, string english) =>
        Line(html, "<div class=\"card" + (cssClass.Length == 0 ? "" : " " + cssClass) + "\"><span class=\"n\">" + number + "</span><span class=\"l\">"
            + H(label) + "</span><span class=\"en\">" + H(english) + "</span></div>");

    private static void CategorySection(StringBuilder html, MigrationReport report, CategoryText text, int number, bool first)
    {
        var findings = Of(report, text.Category);
        Line(html, "<section class=\"category" + (first ? " page-start" : "") + "\" id=\"cat-" + H(text.Key) + "\">");
        Line(html, "<h2>" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ". " + H(text.Label)
            + " <span class=\"en\">" + H(text.English) + " (" + H(text.Key) + ")</span><span class=\"count\">" + N(findings.Count) + "件</span></h2>");
        if (text.Explanation.Length > 0) Line(html, "<p class=\"explain\">" + H(text.Explanation) + "</p>");
        if (findings.Count == 0)
        {
            Line(html, "<p class=\"none-found\">該当はありません。</p>");
            Line(html, "</section>");
            return;
        }
        Line(html, "<p class=\"note\">処理方針: " + string.Join(" ／ ", DispositionOrder.Select(d =>
            H(DispositionLabel(d)) + " " + N(findings.Count(f => f.Disposition == d)))) + "</p>");
        Line(html, "<table>");
        Line(html, "<colgroup><col style=\"width: 15%\"><col style=\"width: 28%\"><col style=\"width: 9%\"><col style=\"width: 13%\"><col style=\"width: 16%\"><col style=\"width: 19%\"></colgroup>");
        Line(html, "<thead><tr><th>ID</th><th>内容 <span class=\"en\">title</span></th><th class=\"num\">件数 <span class=\"en\">count</span></th>"
            + "<th>標準項目 <span class=\"en\">item</span></th><th>処理方針 <span class=\"en\">disposition</span></th><th>判断理由 <span class=\"en\">reason</span></th></tr></thead>");
        Line(html, "<tbody>");
        foreach (var finding in findings.Take(MaxRowsPerSection))
            FindingRow(html, report, finding);
        Line(html, "</tbody>");
        Line(html, "</table>");
        if (findings.Count > MaxRowsPerSection)
            Line(html, "<p class=\"more\">ほか <strong>" + N(findings.Count - MaxRowsPerSection) + " 件</strong>（全 " + N(findings.Count) + " 件）は、この報告書には載せていません。"
                + "すべての項目は " + FindingsCsvName + " に記載しています。 <span class=\"en\">"
                + N(findings.Count - MaxRowsPerSection) + " more in " + FindingsCsvName + "</span></p>");
        Line(html, "</section>");
    }

    private static void FindingRow(StringBuilder html, MigrationReport report, Finding finding)
    {
        var disposition = ReportBuilder.Kebab(finding.Disposition);
        html.Append("<tr><td><span class=\"id\">").Append(H(finding.Id)).Append("</span></td>");
        html.Append("<td>").Append(H(finding.Title));
        if (!string.IsNullOrEmpty(finding.Explanation)) html.Append("<div class=\"sub\">").Append(H(finding.Explanation)).Append("</div>");
        html.Append("</td>");
        html.Append("<td class=\"num\">").Append(CountText(finding)).Append("</td>");
        html.Append("<td>").Append(H(ItemText(finding)));
        if (!string.IsNullOrEmpty(finding.Table)) html.Append("<div class=\"sub\">").Append(H(TableName(report, finding.Table))).Append("</div>");
        html.Append("</td>");
        html.Append("<td><span class=\"badge d-").Append(H(disposition)).Append("\">").Append(H(DispositionLabel(finding.Disposition))).Append("</span></td>");
        html.Append("<td>");
        if (!string.IsNullOrEmpty(finding.DecisionReason)) html.Append(H(finding.DecisionReason));
        else if (finding.Disposition == Disposition.Justified) html.Append("<span class=\"warning\">理由が記録されていません</span>");
        var decided = string.Join(" ", new[] { finding.DecidedBy, finding.DecidedOn }.Where(v => !string.IsNullOrEmpty(v)));
        if (decided.Length > 0) html.Append("<div class=\"sub\">").Append(H(decided)).Append("</div>");
        html.Append("</td></tr>\n");
    }

    private static void Rejects(StringBuilder html, MigrationReport report)
    {
        Line(html, "<section id=\"rejects\" class=\"page-start\">");
        Line(html, "<h2>却下（リジェクト） <span class=\"en\">Rejected records</span><span class=\"count\">" + N(report.Summary.RowsRejected) + "件</span></h2>");
        Line(html, "<p class=\"explain\">旧データのうち、標準仕様の形式に変換できなかったため移行しなかった記録です。理由ごと・標準項目ごとの件数を示します。"
            + "リジェクトされた記録は新システムに入っていないため、旧データを修正して再移行するか、扱いを決める必要があります。</p>");
        if (report.Rejects.Count == 0)
        {
            Line(html, "<p class=\"none-found\">リジェクトされた記録はありません。</p>");
            Line(html, "</section>");
            return;
        }
        Line(html, "<p class=\"note\">" + H(RejectCountingNote) + "</p>");
        Line(html, "<table>");
        Line(html, "<colgroup><col style=\"width: 22%\"><col style=\"width: 10%\"><col style=\"width: 33%\"><col style=\"width: 22%\"><col style=\"width: 13%\"></colgroup>");
        Line(html, "<thead><tr><th>テーブル <span class=\"en\">table</span></th><th>段階 <span class=\"en\">stage</span></th><th>理由 <span class=\"en\">reason</span></th>"
            + "<th>標準項目 <span class=\"en\">item</span></th><th class=\"num\">件数 <span class=\"en\">count</span></th></tr></thead>");
        Line(html, "<tbody>");
        foreach (var reject in report.Rejects.Take(MaxRowsPerSection))
        {
            var reason = RejectReason(reject.Code);
            html.Append("<tr><td>").Append(H(TableName(report, reject.Table))).Append("<div class=\"sub\">").Append(H(reject.Table)).Append("</div></td>");
            html.Append("<td>").Append(H(StageLabel(reject.Stage))).Append("</td>");
            html.Append("<td>").Append(H(reason));
            if (reason != reject.Code) html.Append("<div class=\"sub\"><code>").Append(H(reject.Code)).Append("</code></div>");
            html.Append("</td>");
            html.Append("<td>").Append(H(reject.ItemName ?? reject.Item ?? "—"));
            if (reject.ItemName is not null && reject.Item is not null) html.Append("<div class=\"sub\">").Append(H(reject.Item)).Append("</div>");
            html.Append("</td>");
            html.Append("<td class=\"num\">").Append(N(reject.Count)).Append("</td></tr>\n");
        }
        Line(html, "</tbody>");
        Line(html, "</table>");
        if (report.Rejects.Count > MaxRowsPerSection)
            Line(html, "<p class=\"more\">ほか " + N(report.Rejects.Count - MaxRowsPerSection) + " 行は " + RejectsCsvName + " に記載しています。</p>");
        Line(html, "</section>");
    }

    private static void ProtectionSection(StringBuilder html, MigrationReport report)
    {
        if (report.EmptySources.Count > 0)
            Line(html, "<p class=\"explain\">空のソース <span class=\"en\">empty sources</span>: "
                + string.Join("、", report.EmptySources.Select(f => "<code>" + H(f) + "</code>")) + " — レコードが1件もありません。</p>");
        if (report.Protection is not { } protection) return;
        Line(html, "<section id=\"protection\">");
        Line(html, "<h2>支援措置の保護 <span class=\"en\">Protected persons</span></h2>");
        Line(html, "<p class=\"explain\">支援措置の対象者 " + N(protection.ProtectedPersons) + " 人。移行で失われる記録があれば投入は行われません。検出された問題 "
            + N(protection.Violations) + " 件、うち確認のうえ受け入れたもの " + N(protection.Accepted.Count) + " 件。</p>");
        if (protection.Accepted.Count > 0)
        {
            Line(html, "<ul>");
            foreach (var accepted in protection.Accepted)
                Line(html, "<li>受け入れ <span class=\"en\">accepted</span> <code>" + H(accepted.Location) + "</code>: " + H(accepted.Reason) + "</li>");
            Line(html, "</ul>");
        }
        Line(html, "</section>");
    }

    private static void ReconciliationSection(StringBuilder html, MigrationReport report)
    {
        Line(html, "<section id=\"reconciliation\">");
        Line(html, "<h2>件数の突合 <span class=\"en\">Reconciliation: read = loaded + rejected + filtered</span></h2>");
        Line(html, "<p class=\"explain\">" + H(ReconciliationNote) + "</p>");
        if (report.Reconciliation is not { } reconciliation)
        {
            Verdict(html, report);
            Line(html, "</section>");
            return;
        }
        Line(html, "<table>");
        Line(html, "<colgroup><col style=\"width: 30%\"><col style=\"width: 14%\"><col style=\"width: 14%\"><col style=\"width: 14%\"><col style=\"width: 14%\"><col style=\"width: 14%\"></colgroup>");
        Line(html, "<thead><tr><th>テーブル <span class=\"en\">table</span></th><th class=\"num\">読み込み <span class=\"en\">read</span></th><th class=\"num\">移行 <span class=\"en\">loaded</span></th>"
            + "<th class=\"num\">リジェクト <span class=\"en\">rejected</span></th><th class=\"num\">除外 <span class=\"en\">filtered</span></th><th class=\"mark\">判定 <span class=\"en\">check</span></th></tr></thead>");
        Line(html, "<tbody>");
        foreach (var table in reconciliation.Tables)
        {
            var ok = RowBalanced(table);
            var critical = report.Tables.FirstOrDefault(t => t.Id == table.TableId)?.Critical == true;
            html.Append(ok ? "<tr>" : "<tr class=\"ng\">");
            html.Append("<td>").Append(H(TableName(report, table.TableId)));
            if (critical) html.Append(" <span class=\"badge critical\" title=\"支援措置など、黙ってリジェクトしてはならない記録を含むテーブル\">重要</span>");
            html.Append("<div class=\"sub\">").Append(H(table.TableId)).Append("</div></td>");
            html.Append("<td class=\"num\">").Append(N(table.Read)).Append("</td>");
            html.Append("<td class=\"num\">").Append(N(table.Loaded)).Append("</td>");
            html.Append("<td class=\"num\">").Append(N(table.Rejected)).Append("</td>");
            html.Append("<td class=\"num\">").Append(N(table.Filtered)).Append("</td>");
            html.Append(ok ? "<td class=\"mark ok-mark\">✔ 一致</td>" : "<td class=\"mark ng-mark\">✘ 不一致</td>");
            html.Append("</tr>\n");
        }
        Line(html, "</tbody>");
        var all = Balanced(report) == true;
        Line(html, "<tfoot><tr><td>合計 <span class=\"en\">total</span></td>"
            + "<td class=\"num\">" + N(reconciliation.Tables.Sum(t => t.Read)) + "</td>"
            + "<td class=\"num\">" + N(reconciliation.Tables.Sum(t => t.Loaded)) + "</td>"
            + "<td class=\"num\">" + N(reconciliation.Tables.Sum(t => t.Rejected)) + "</td>"
            + "<td class=\"num\">" + N(reconciliation.Tables.Sum(t => t.Filtered)) + "</td>"
            + (all ? "<td class=\"mark ok-mark\">✔ 一致</td>" : "<td class=\"mark ng-mark\">✘ 不一致</td>") + "</tr></tfoot>");
        Line(html, "</table>");
        if (report.Tables.Any(t => t.Critical))
            Line(html, "<p class=\"note\"><span class=\"badge critical\">重要</span> 支援措置など、標準仕様が重要と定める記録を含むテーブルです。これらの記録に問題がある場合は、リジェクトせずに移行を止めます。</p>");
        Line(html, "</section>");
    }

    private static void AttentionSection(StringBuilder html, MigrationReport report)
    {
        var items = AttentionList.For(report);
        if (items.Count == 0) return;
        Line(html, "<section id=\"attention\">");
        Line(html, "<h2>まず確認すること <span class=\"en\">Needs attention first</span></h2>");
        Line(html, "<table><thead><tr><th style=\"width: 18%\">種類</th><th>内容</th><th class=\"num\" style=\"width: 14%\">件数</th></tr></thead><tbody>");
        foreach (var item in items)
            Line(html, "<tr><td>" + H(item.Kind) + "</td><td>" + H(item.Text) + "</td><td class=\"num\">" + N(item.Count) + "</td></tr>");
        Line(html, "</tbody></table>");
        Line(html, "</section>");
    }

    private static void HowToDecideSection(StringBuilder html, MigrationReport report)
    {
        if (report.HowToDecide is not { } guide || report.Findings.Count == 0) return;
        Line(html, "<div id=\"how-to-decide\" class=\"explain\">");
        Line(html, "<h3>処理方針の記録方法 <span class=\"en\">How to record decisions</span></h3>");
        Line(html, "<ol>");
        foreach (var step in HowToDecide(guide)) Line(html, "<li>" + H(step) + "</li>");
        Line(html, "</ol>");
        Line(html, "<pre><code>" + H(guide.Command) + "</code></pre>");
        Line(html, "</div>");
    }

    /// <summary>Decisions whose finding is gone: listed so that a recorded justification is never silently dropped.</summary>
    private static void StaleDecisionsSection(StringBuilder html, MigrationReport report)
    {
        if (report.StaleDecisions.Count == 0) return;
        Line(html, "<section id=\"stale-decisions\">");
        Line(html, "<h2>対応する指摘がなくなった判断 <span class=\"en\">Stale decisions</span></h2>");
        Line(html, "<p>判断記録ファイルにありますが、今回の実行では該当するカスタマイズが見つかりませんでした。カスタマイズが解消されたか、名前が変わった可能性があります。判断記録を見直してください。</p>");
        Line(html, "<table><thead><tr><th>ID</th><th>処理方針</th><th>判断者</th><th>判断日</th></tr></thead><tbody>");
        foreach (var stale in report.StaleDecisions)
            Line(html, "<tr><td class=\"id\">" + H(stale.FindingId) + "</td><td>" + H(DispositionLabel(stale.Disposition)) + "</td><td>"
                + H(stale.DecidedBy ?? "") + "</td><td>" + H(stale.DecidedOn ?? "") + "</td></tr>");
        Line(html, "</tbody></table>");
        Line(html, "</section>");
    }

    private static void NotCheckedSection(StringBuilder html, MigrationReport report)
    {
        Line(html, "<section id=\"not-checked\">");
        Line(html, "<h2>確認していないこと <span class=\"en\">What was NOT checked</span></h2>");
        Line(html, "<p><strong>" + H(SilenceIsNotApproval) + "</strong> <span class=\"en\">Silence is not approval.</span></p>");
        if (report.NotChecked.Count > 0)
        {
            Line(html, "<ul class=\"not-checked\">");
            foreach (var item in report.NotChecked)
                Line(html, "<li>" + H(item) + "</li>");
            Line(html, "</ul>");
        }
        Line(html, "</section>");
    }

    private static void Footer(StringBuilder html, MigrationReport report)
    {
        Line(html, "<footer>");
        Line(html, "<p>migrate " + H(report.ToolVersion) + " ／ 実行ID <span class=\"id\">" + H(report.RunId) + "</span> ／ 報告書形式 " + report.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + "。この報告書は件数と標準項目名だけを記載し、個人の値を含みません。すべての項目は " + FindingsCsvName + "（Excel で開けます）と report.json にあります。</p>");
        Line(html, "</footer>");
        Line(html, "</body>");
        Line(html, "</html>");
    }
}
