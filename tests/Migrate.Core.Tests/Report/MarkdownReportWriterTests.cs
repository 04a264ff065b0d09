using System.Text.RegularExpressions;
using Migrate.Core.Report;
using Migrate.Core.Report.Rendering;

namespace Migrate.Core.Tests.Report;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public void Markdown_has_the_same_counts_as_the_html()
    {
        var md = MarkdownReportWriter.Render(SampleReports.Build());

        md.ShouldStartWith("# 標準化移行 カスタマイズ報告書\n");
        md.ShouldContain("| カスタマイズ (customizations) | 12 |");
        md.ShouldContain("| 理由を付けて残す (Justified deviation) | 2 |");
        md.ShouldContain("| 未決定 (Pending) | 8 |");
        md.ShouldContain("| 標準へ提案 (Feedback to the standard) | 1 |");
        md.ShouldContain("| 標準に合わせる (Adopt the standard) | 1 |");
        md.ShouldContain("| 読み込み (rows read) | 1,234,567 |");
        md.ShouldContain("| 外字 縮退 (gaiji reduced) | 45 |");
        md.ShouldContain("| 独自コード値 | 2 | 0 | 0 | 1 | 1 |");
        md.ShouldContain("✘ 件数の突合: 不一致 (NOT balanced)");
        md.ShouldContain("| 3,456 |");
    }

    [Fact]
    public void Markdown_has_every_section()
    {
        var md = MarkdownReportWriter.Render(SampleReports.Build());

        foreach (var (label, key, i) in ReportLabels.Categories.Select((c, i) => (c.Label, c.Key, i)))
            md.ShouldContain("## " + (i + 1) + ". " + label + " (" + key + ") — ");
        md.ShouldContain("## 却下（リジェクト）");
        md.ShouldContain("| 住民 | 変換 | 元号の範囲外の日付 | `date.era-out-of-range` | 生年月日 | 850 |");
        md.ShouldContain("## 件数の突合");
        md.ShouldContain("| 支援措置 `juki_support` | 34,567 | 34,000 | 500 | 0 | ✘ **不一致** |");
        md.ShouldContain("| 住民 `juki_person` | 1,200,000 | 1,199,000 | 900 | 100 | ✔ |");
        md.ShouldContain("## 確認していないこと");
        foreach (var item in ReportBuilder.NotChecked)
            md.ShouldContain("- " + item + "\n");
    }

    [Fact]
    public void Data_cannot_break_a_table_or_inject_markup()
    {
        var md = MarkdownReportWriter.Render(SampleReports.Build());

        md.ShouldNotContain("<b>");
        md.ShouldContain(@"独自項目 \<b\>\&amp; ""quoted""");
        var row = md.Split('\n').Single(l => l.StartsWith("| `custom-column/person/HTML`", StringComparison.Ordinal));
        Regex.Count(row, @"(?<!\\)\|").ShouldBe(7);
    }

    [Fact]
    public void A_large_section_is_capped_at_200_rows()
    {
        var md = MarkdownReportWriter.Render(SampleReports.Build(SampleReports.ManyCustomColumns(250)));

        md.Split('\n').Count(l => l.StartsWith("| `custom-column/", StringComparison.Ordinal)).ShouldBe(ReportLabels.MaxRowsPerSection);
        md.ShouldContain("ほか **53 件**（全 253 件）は省略しました。すべての項目は findings.csv にあります");
    }

    [Fact]
    public void Markdown_is_deterministic()
    {
        MarkdownReportWriter.Render(SampleReports.Build()).ShouldBe(MarkdownReportWriter.Render(SampleReports.Build()));
    }
}
