using System.Globalization;
using System.Net;
using System.Text;
using static Migrate.Core.Report.Rendering.ReportLabels;

namespace Migrate.Core.Report.Rendering;

/// <summary>
/// Hand-built inline SVG for the HTML report: no scripts, no external references (not even an xmlns URL,
/// which inline SVG in HTML5 does not need), coordinates formatted invariantly so output is deterministic.
/// Styling comes from the page's CSS classes (bar, track, seg-*).
/// </summary>
internal static class SvgCharts
{
    private const int Width = 640;
    private const int LabelRight = 250;
    private const int BarX = 258;
    private const int BarMax = Width - BarX - 64;
    private const int RowHeight = 24;
    private const int BarHeight = 14;

    /// <summary>Horizontal bars: number of findings per category, in the report's fixed order.</summary>
    public static string CategoryBars(MigrationReport report)
    {
        var rows = AllCategoriesInOrder(report).Select(c => (Text: Category(c), Count: ReportLabels.Count(report, c))).ToList();
        var max = Math.Max(1, rows.Max(r => r.Count));
        var height = 8 + rows.Count * RowHeight;
        var svg = new StringBuilder();
        var description = string.Join("、", rows.Select(r => r.Text.Label + " " + N(r.Count) + "件"));
        svg.Append("<svg viewBox=\"0 0 ").Append(Width).Append(' ').Append(height).Append("\" role=\"img\" aria-label=\"")
            .Append(H("種類別のカスタマイズ件数: " + description)).Append("\">\n");
        svg.Append("<title>").Append(H("種類別のカスタマイズ件数: " + description)).Append("</title>\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var (text, count) = rows[i];
            var y = 4 + i * RowHeight;
            var width = count == 0 ? 0 : Math.Max(2.0, (double)BarMax * count / max);
            Label(svg, text.Label, y);
            svg.Append("<rect class=\"track\" x=\"").Append(BarX).Append("\" y=\"").Append(y).Append("\" width=\"").Append(BarMax)
                .Append("\" height=\"").Append(BarHeight).Append("\"/>");
            if (width > 0)
                svg.Append("<rect class=\"bar\" x=\"").Append(BarX).Append("\" y=\"").Append(y).Append("\" width=\"").Append(F(width))
                    .Append("\" height=\"").Append(BarHeight).Append("\"><title>").Append(H(text.Label + ": " + N(count) + "件")).Append("</title></rect>");
            svg.Append("<text x=\"").Append(F(BarX + width + 5)).Append("\" y=\"").Append(y + BarHeight - 3).Append("\">").Append(N(count)).Append("件</text>\n");
        }
        svg.Append("<line class=\"axis\" x1=\"").Append(BarX).Append("\" y1=\"0\" x2=\"").Append(BarX).Append("\" y2=\"").Append(height).Append("\"/>\n");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// 100% stacked bars: for all findings and for each category, the share of each disposition, with
    /// a legend giving the totals. Decided dispositions stack first, pending last.
    /// </summary>
    public static string DispositionStacks(MigrationReport report)
    {
        var rows = new List<(string Label, IReadOnlyList<Finding> Findings, bool Total)> { ("全体", report.Findings, true) };
        rows.AddRange(AllCategoriesInOrder(report).Select(c => (Category(c).Label, Of(report, c), false)));
        const int legendHeight = 24;
        var height = legendHeight + 10 + rows.Count * RowHeight;
        var svg = new StringBuilder();
        var description = string.Join("、", DispositionOrder.Select(d => DispositionLabel(d) + " " + N(ReportLabels.Count(report, d)) + "件"));
        svg.Append("<svg viewBox=\"0 0 ").Append(Width).Append(' ').Append(height).Append("\" role=\"img\" aria-label=\"")
            .Append(H("処理方針の内訳: " + description)).Append("\">\n");
        svg.Append("<title>").Append(H("処理方針の内訳: " + description)).Append("</title>\n");

        var x = 0;
        foreach (var disposition in DispositionOrder)
        {
            var key = ReportBuilder.Kebab(disposition);
            var text = DispositionLabel(disposition) + " " + N(ReportLabels.Count(report, disposition)) + "件";
            svg.Append("<rect class=\"seg-").Append(key).Append("\" x=\"").Append(x).Append("\" y=\"4\" width=\"11\" height=\"11\"/>");
            svg.Append("<text x=\"").Append(x + 15).Append("\" y=\"14\">").Append(H(text)).Append("</text>\n");
            x += 160;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (label, findings, total) = rows[i];
            var y = legendHeight + 6 + i * RowHeight + (total ? 0 : 6);
            Label(svg, label, y, bold: total);
            svg.Append("<rect class=\"track\" x=\"").Append(BarX).Append("\" y=\"").Append(y).Append("\" width=\"").Append(BarMax)
                .Append("\" height=\"").Append(BarHeight).Append("\"/>");
            var count = findings.Count;
            if (count > 0)
            {
                var done = 0;
                foreach (var disposition in DispositionOrder)
                {
                    var part = findings.Count(f => f.Disposition == disposition);
                    if (part == 0) continue;
                    // Positions from cumulative counts so the segments always meet and end exactly at the track's end.
                    var left = BarX + (double)BarMax * done / count;
                    done += part;
                    var right = BarX + (double)BarMax * done / count;
                    var key = ReportBuilder.Kebab(disposition);
                    svg.Append("<rect class=\"seg-").Append(key).Append("\" x=\"").Append(F(left)).Append("\" y=\"").Append(y)
                        .Append("\" width=\"").Append(F(right - left)).Append("\" height=\"").Append(BarHeight).Append("\"><title>")
                        .Append(H(label + " " + DispositionLabel(disposition) + ": " + N(part) + "件")).Append("</title></rect>");
                    if (right - left >= 7 * N(part).Length + 6)
                        svg.Append("<text class=\"").Append(disposition == Disposition.Pending ? "in-dark" : "in").Append("\" x=\"").Append(F((left + right) / 2))
                            .Append("\" y=\"").Append(y + BarHeight - 3).Append("\" text-anchor=\"middle\">").Append(N(part)).Append("</text>");
                }
            }
            svg.Append("<text x=\"").Append(BarX + BarMax + 5).Append("\" y=\"").Append(y + BarHeight - 3).Append("\">").Append(N(count)).Append("件</text>\n");
            if (total)
                svg.Append("<line class=\"axis\" x1=\"0\" y1=\"").Append(y + RowHeight - 2).Append("\" x2=\"").Append(Width).Append("\" y2=\"").Append(y + RowHeight - 2).Append("\"/>\n");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Label(StringBuilder svg, string label, int y, bool bold = false) =>
        svg.Append("<text x=\"").Append(LabelRight).Append("\" y=\"").Append(y + BarHeight - 3).Append("\" text-anchor=\"end\"")
            .Append(bold ? " font-weight=\"bold\"" : "").Append('>').Append(H(label)).Append("</text>");

    private static string H(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
