using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Report;
using Migrate.Core.Report.Decisions;

namespace Migrate.Core.Tests.Report;

/// <summary>
/// The decisions CSV (an edited findings.csv) on its own: which columns it reads, how it cleans the
/// values, and the file:line and column each decision and each error names, with what Excel and
/// editors put in a CSV (a BOM, CRLF, blank lines, values over several lines).
/// </summary>
public sealed class DecisionsCsvTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string text, Encoding? encoding = null)
    {
        var path = _temp.Combine("decided.csv");
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    private static MigrateException Refused(string path) => Should.Throw<MigrateException>(() => DecisionsCsv.Read(path));

    [Fact]
    public void Reads_each_decided_row_with_its_columns_trimmed_and_its_line_and_skips_rows_without_an_id()
    {
        var path = Write("\uFEFF id ,category,処理方針,理由,担当,日付\r\n"
            + "a, custom-column ,justified, 介護連携のため ,情報政策課,2026-11-20\r\n"
            + ",,,,,\r\n"
            + "b,,標準に合わせる,'=SUM(1),,\r\n");

        var file = DecisionsCsv.Read(path);

        file.Path.ShouldBe(Path.GetFullPath(path));
        file.Sha256.ShouldBe(Migrate.Core.Work.FileHash.Sha256(path));
        file.Decisions.Count.ShouldBe(2);
        var a = file.Decisions[0];
        (a.FindingId, a.Disposition, a.Reason, a.DecidedBy, a.DecidedOn).ShouldBe(("a", Disposition.Justified, "介護連携のため", "情報政策課", "2026-11-20"));
        a.Position.ShouldBe(new SourcePosition(path, 2, 1));
        a.Where.ShouldBe($"{path}:2: A列（id） (line 2, column A id)");
        a.IssuedByReport.ShouldBeTrue();
        var b = file.Decisions[1];
        (b.FindingId, b.Disposition, b.Reason, b.Position.Line).ShouldBe(("b", Disposition.AdoptStandard, "=SUM(1)", 4L));
        b.IssuedByReport.ShouldBeFalse();
    }

    [Fact]
    public void Lines_count_blank_lines_and_a_value_over_several_lines_is_placed_on_its_last_line()
    {
        var path = Write("\r\nid,disposition,decision_reason\r\n\r\na,justified,\"一行目\r\n二行目\"\r\n\r\n\r\nb,標準にあわせる,\r\n");

        var error = Refused(path);

        error.Message.ShouldStartWith($"{path}:8: B列（disposition） (line 8, column B disposition): 「標準にあわせる」は選択肢にありません (did you mean '標準に合わせる'?)");
        File.WriteAllText(path, "id,disposition,decision_reason\n\"a\",justified,\"一行目\n\n三行目\"\n\nb,adopt-standard,\n");
        var file = DecisionsCsv.Read(path);
        file.Decisions.Select(d => (d.FindingId, d.Reason, d.Position.Line)).ShouldBe([("a", "一行目\n\n三行目", 4L), ("b", null, 6L)]);
    }

    [Fact]
    public void A_finding_decided_twice_names_both_lines()
    {
        var path = Write("id,disposition\na,adopt-standard\n\nb,pending\na,pending\n");

        Refused(path).Message.ShouldBe($"{path}:5: A列（id） (line 5, column A id): ID「a」は 2行目 にもあります (finding 'a' is decided twice; keep one row)");
    }

    [Fact]
    public void A_decision_on_a_row_without_an_id_is_refused()
    {
        var path = Write("category,id,disposition\r\nx,,adopt-standard\r\n");

        Refused(path).Message.ShouldBe($"{path}:2: B列（id） (line 2, column B id): IDが空の行に判断が書かれています (a decision is written on a row with no id)");
    }

    [Fact]
    public void A_short_row_has_no_reason_and_a_justified_deviation_needs_one()
    {
        var path = Write("id,disposition,decision_reason\na,justified\n");

        Refused(path).Message.ShouldStartWith($"{path}:2: C列（decision_reason） (line 2, column C decision_reason): 「a」を理由を付けて残すには理由が必要です");
    }

    [Fact]
    public void Quoted_values_are_unquoted_with_doubled_quotes_and_delimiters_kept()
    {
        var path = Write("id,disposition,reason\n\"a,1\",\"justified\",\"\"\"様式\"\"のため, 当面\"\n");

        var decision = DecisionsCsv.Read(path).Decisions.ShouldHaveSingleItem();

        (decision.FindingId, decision.Reason).ShouldBe(("a,1", "\"様式\"のため, 当面"));
    }

    [Fact]
    public void A_header_without_id_and_disposition_is_refused_on_line_1()
    {
        var path = Write("\n\nid,reason\na,x\n");

        Refused(path).Message.ShouldBe($"{path}: 1行目に「id」列と「disposition」（処理方針）列が必要です (line 1: the header needs an 'id' and a 'disposition' or 処理方針 column, as report/findings.csv has)");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\r\n\r\n")]
    public void A_file_without_a_header_is_refused_as_empty(string text)
    {
        var path = Write(text);

        Refused(path).Message.ShouldBe($"{path}: 空のファイルです (empty file: expected the header of findings.csv)");
    }

    [Fact]
    public void A_file_saved_as_utf16_with_its_bom_is_read()
    {
        var path = Write("id,disposition\r\n指摘,標準へ提案\r\n", Encoding.Unicode);

        Refused(path).Message.ShouldStartWith($"{path}:2: B列（disposition）");
        File.WriteAllText(path, "id,disposition,reason\r\n指摘,標準へ提案,様式を追加\r\n", Encoding.Unicode);
        DecisionsCsv.Read(path).Decisions.ShouldHaveSingleItem().Disposition.ShouldBe(Disposition.Feedback);
    }

    [Theory]
    [InlineData("id,disposition,reason\r\na,pending,5\" floppy\r\nb,pending,\"x\"\r\n", 2, "C")]
    [InlineData("id,disposition,reason\na,pending,\"様式\"第3号\nb,pending,\n", 2, "C")]
    [InlineData("id,disposition,reason\na,pending,\"一行目\n二行目\n\nb,pending,\n", 2, "C")]
    [InlineData("id,disposition,reason\na,pending,\"一行目\n二行目\",x\"y\nb,pending,\n", 3, "D")]
    [InlineData("\"id\",disp\"osition\na,pending\n", 1, "B")]
    public void A_quote_that_does_not_enclose_a_whole_value_is_refused_where_it_stands(string text, int line, string column)
    {
        // A quote inside a value would open a quoted section up to the next quote, joining the rows between.
        var path = Write(text);

        Refused(path).Message.ShouldBe($"{path}:{line}: {column}列: 引用符（\"）が値全体を囲んでいません (line {line}, column {column}: a quote must enclose the whole value, with each quote inside it doubled, as Excel saves a CSV)");
    }
}
