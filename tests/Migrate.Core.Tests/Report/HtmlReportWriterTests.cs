using System.Net;
using System.Text.RegularExpressions;
using Migrate.Core.Manifests;
using Migrate.Core.Report;
using Migrate.Core.Report.Rendering;

namespace Migrate.Core.Tests.Report;

public sealed class HtmlReportWriterTests
{
    private static readonly string[] CategoryHeadings =
        ["独自項目", "独自コード値", "移行されない旧テーブル", "移行元のない標準項目", "外字", "情報が失われる変換", "JIS外の文字", "申告されたカスタマイズ（データに現れない）"];

    private static readonly string[] CategoryKeys =
        ["custom-column", "custom-code", "unmapped-table", "missing-item", "gaiji", "lossy", "outside-jis", "declared"];

    [Fact]
    public void Page_is_self_contained_and_printable()
    {
        var html = HtmlReportWriter.Render(SampleReports.Build());

        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<html lang=\"ja\">");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("http://", Case.Insensitive);
        html.ShouldNotContain("https://", Case.Insensitive);
        html.ShouldNotContain("src=", Case.Insensitive);
        html.ShouldNotContain("url(", Case.Insensitive);
        html.ShouldNotContain("@import", Case.Insensitive);
        html.ShouldNotContain("<link", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        Regex.IsMatch(html, @"\son[a-z]+\s*=", RegexOptions.IgnoreCase).ShouldBeFalse("no event handler attributes such as onload=");
        html.ShouldContain("@page { size: A4; margin: 15mm; }");
        html.ShouldContain("標準化移行 カスタマイズ報告書");
        html.ShouldContain("vendor-a");
        html.ShouldContain("見本市");
        html.ShouldContain("住民記録");
        html.ShouldContain("20250401-120000-abcd");
    }

    [Fact]
    public void Summary_comes_first_with_the_counts()
    {
        var html = HtmlReportWriter.Render(SampleReports.Build());
        var summary = Section(html, "summary");

        html.IndexOf("id=\"summary\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("id=\"cat-custom-column\"", StringComparison.Ordinal));
        summary.ShouldContain(Card("12", "カスタマイズ"));
        summary.ShouldContain(Card("2", "理由を付けて残す"));
        summary.ShouldContain(Card("8", "未決定"));
        summary.ShouldContain(Card("1", "標準へ提案"));
        summary.ShouldContain(Card("1", "標準に合わせる"));
        foreach (var number in new[] { "1,234,567", "1,233,000", "1,400", "100", "321", "45", "6" })
            summary.ShouldContain(">" + number + "</td>");
        summary.ShouldContain("✘ 件数の突合: 不一致");
        summary.ShouldContain("支援措置");
    }

    [Fact]
    public void Charts_are_inline_svg_without_scripts()
    {
        var html = HtmlReportWriter.Render(SampleReports.Build());
        var summary = Section(html, "summary");

        Regex.Count(summary, "<svg ").ShouldBe(2);
        summary.ShouldNotContain("xmlns");
        summary.ShouldContain("class=\"seg-pending\"");
        summary.ShouldContain("class=\"seg-justified\"");
        summary.ShouldContain("未決定 8件");
        summary.ShouldContain("<title>独自コード値: 2件</title>");
    }

    [Fact]
    public void Every_category_has_a_section_in_the_fixed_order()
    {
        var html = HtmlReportWriter.Render(SampleReports.Build());

        var last = -1;
        for (var i = 0; i < CategoryKeys.Length; i++)
        {
            var at = html.IndexOf("id=\"cat-" + CategoryKeys[i] + "\"", StringComparison.Ordinal);
            at.ShouldBeGreaterThan(last, CategoryKeys[i]);
            last = at;
            var section = Section(html, "cat-" + CategoryKeys[i]);
            section.ShouldContain("<h2>" + (i + 1) + ". " + CategoryHeadings[i] + " ");
            section.ShouldContain("class=\"explain\"");
        }
        Section(html, "cat-custom-code").ShouldContain("<span class=\"count\">2件</span>");
        Section(html, "cat-custom-code").ShouldContain(">3,456</td>");
        Section(html, "cat-custom-code").ShouldContain("標準へ提案");
        Section(html, "cat-custom-code").ShouldContain("同居の事実婚を区別する区分。他団体でも必要");
        Section(html, "cat-custom-column").ShouldContain("窓口の引継ぎメモとして必要（条例第3条）");
        Section(html, "cat-gaiji").ShouldContain("理由が記録されていません");
    }

    [Fact]
    public void Rejects_are_explained_in_japanese_with_fallback_to_the_code()
    {
        var rejects = Section(HtmlReportWriter.Render(SampleReports.Build()), "rejects");

        rejects.ShouldContain("元号の範囲外の日付");
        rejects.ShouldContain("個人番号のチェックデジット誤り");
        rejects.ShouldContain("文字コード不正");
        rejects.ShouldContain("文字種違反");
        rejects.ShouldContain(">850</td>");
        rejects.ShouldContain("生年月日");
        rejects.ShouldContain("<td>vendor.weird-code</td>");
    }

    [Fact]
    public void Reconciliation_marks_the_unbalanced_table()
    {
        var section = Section(HtmlReportWriter.Render(SampleReports.Build()), "reconciliation");
        var rows = Regex.Matches(section, "<tr[^>]*>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).ToList();

        var balanced = rows.Single(r => r.Contains("<div class=\"sub\">juki_person</div>", StringComparison.Ordinal));
        balanced.ShouldContain("✔");
        balanced.ShouldNotContain("✘");
        balanced.ShouldContain(">1,200,000</td>");
        var unbalanced = rows.Single(r => r.Contains("<div class=\"sub\">" + SampleReports.UnbalancedTable + "</div>", StringComparison.Ordinal));
        unbalanced.ShouldStartWith("<tr class=\"ng\">");
        unbalanced.ShouldContain("✘");
        unbalanced.ShouldContain("支援措置");
        unbalanced.ShouldContain("重要");
    }

    [Fact]
    public void A_row_whose_sum_does_not_hold_is_marked_even_if_flagged_balanced()
    {
        var report = SampleReports.Build() with
        {
            Reconciliation = new Migrate.Core.Manifests.Reconciliation(true, [new Migrate.Core.Manifests.TableBalance("juki_person", 10, 5, 1, 1, true)]),
            Summary = SampleReports.Build().Summary with { Balanced = true },
        };

        var html = HtmlReportWriter.Render(report);

        Section(html, "reconciliation").ShouldContain("✘ 不一致");
        Section(html, "summary").ShouldContain("✘ 件数の突合: 不一致");
    }

    [Fact]
    public void A_report_without_reconciliation_says_it_was_not_done()
    {
        var html = HtmlReportWriter.Render(SampleReports.Build() with { Reconciliation = null });

        Section(html, "summary").ShouldContain("件数の突合: 未実施");
        Section(html, "reconciliation").ShouldContain("件数の突合: 未実施");
    }

    [Fact]
    public void Not_checked_items_are_listed_and_silence_is_not_approval()
    {
        var section = Section(HtmlReportWriter.Render(SampleReports.Build()), "not-checked");

        section.ShouldContain("承認");
        foreach (var item in ReportBuilder.NotChecked)
            section.ShouldContain("<li>" + WebUtility.HtmlEncode(item) + "</li>");
    }

    [Fact]
    public void Every_string_is_html_encoded()
    {
        var html = HtmlReportWriter.Render(SampleReports.Build());

        html.ShouldNotContain("<b>");
        html.ShouldContain("独自項目 &lt;b&gt;&amp;amp; &quot;quoted&quot;");
    }

    [Fact]
    public void A_large_section_shows_200_rows_and_points_to_the_csv()
    {
        var report = SampleReports.Build(SampleReports.ManyCustomColumns(250));
        var html = HtmlReportWriter.Render(report);
        var section = Section(html, "cat-custom-column");

        Regex.Count(section, "<tr><td><span class=\"id\">").ShouldBe(ReportLabels.MaxRowsPerSection);
        section.ShouldContain("<span class=\"count\">253件</span>");
        section.ShouldContain("ほか <strong>53 件</strong>（全 253 件）");
        section.ShouldContain("findings.csv");
        section.ShouldContain("custom-column/bulk/C0197");
        section.ShouldNotContain("custom-column/bulk/C0198");
        Section(html, "cat-custom-code").ShouldNotContain("findings.csv");
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        var first = HtmlReportWriter.Render(SampleReports.Build(SampleReports.ManyCustomColumns(30)));
        var second = HtmlReportWriter.Render(SampleReports.Build(SampleReports.ManyCustomColumns(30)));

        second.ShouldBe(first);
        first.ShouldNotContain("\r");
        using var writer = new StringWriter();
        HtmlReportWriter.Write(SampleReports.Build(SampleReports.ManyCustomColumns(30)), writer);
        writer.ToString().ShouldBe(first);
    }

    [Fact]
    public void An_empty_report_renders()
    {
        var report = SampleReports.Build() with { Findings = [], Rejects = [], Reconciliation = null, NotChecked = [] };

        var html = HtmlReportWriter.Render(report);

        html.ShouldContain("該当はありません。");
        html.ShouldContain("リジェクトされた記録はありません。");
        html.ShouldEndWith("</html>\n");
    }

    private static string Card(string number, string label) => "<span class=\"n\">" + number + "</span><span class=\"l\">" + label + "</span>";

    /// <summary>The text of the section with this id, up to its closing tag (sections are not nested).</summary>
    internal static string Section(string html, string id)
    {
        var start = html.IndexOf("id=\"" + id + "\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, id);
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        end.ShouldBeGreaterThan(start, id);
        return html[start..end];
    }
}
