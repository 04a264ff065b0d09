using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Map;
using Migrate.Core.Report.Rendering;
using Migrate.Core.Transforms;
using Migrate.Core.Yaml;

namespace Migrate.Core.Tests.Hostile;

/// <summary>Issue 19: free text written into SQL, spreadsheets and reports, and YAML read from hostile files.</summary>
public sealed class NeutralisedTextTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("migrate-hostile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("住民", "住民")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_starts_with_a_quote(string cell, string written) =>
        SpreadsheetCell.Neutralize(cell).ShouldBe(written);

    [Theory]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("-1")]
    [InlineData("@SUM(1)")]
    [InlineData("'plain")]
    [InlineData("標準に合わせる")]
    public void A_neutralised_cell_read_back_is_the_text_that_was_written(string cell) =>
        SpreadsheetCell.Restore(SpreadsheetCell.Neutralize(cell)).ShouldBe(cell);

    [Fact]
    public void A_comment_keeps_no_line_break_or_block_comment_delimiter() =>
        SqlComment.Text("住民\nDROP TABLE x;\r\n--\u2028*/ y /*\u0085").ShouldBe("住民 DROP TABLE x;  -- * / y / * ");

    [Fact]
    public void Unknown_values_that_cannot_be_codes_are_counted_without_their_value()
    {
        var seen = new Observations();
        seen.Code("zokugara", "zokugara", "山田　太郎", null, CodeConversion.Unknown);
        seen.Code("zokugara", "zokugara", "ヤマダタロウヤマダタロウヤ", null, CodeConversion.Unknown);
        seen.Code("zokugara", "zokugara", "鈴木　花子", "鈴木　花子", CodeConversion.Unknown);
        seen.Code("zokugara", "zokugara", "07", null, CodeConversion.Unknown);

        seen.Codes.ShouldBe(new Dictionary<CodeKey, long>
        {
            [new("zokugara", "zokugara", WithheldCodes.NotACode, null, CodeConversion.Unknown)] = 2,
            [new("zokugara", "zokugara", WithheldCodes.NotACode, WithheldCodes.NotACode, CodeConversion.Unknown)] = 1,
            [new("zokugara", "zokugara", "07", null, CodeConversion.Unknown)] = 1,
        }, ignoreOrder: true);
    }

    [Fact]
    public void Past_twenty_distinct_unknown_values_none_of_them_is_shown()
    {
        var worker = new Observations();
        for (var i = 0; i < 15; i++) worker.Code("item", "table", "A" + i, null, CodeConversion.Unknown);
        var other = new Observations();
        for (var i = 10; i < 25; i++) other.Code("item", "table", "A" + i, null, CodeConversion.Unknown);
        other.Code("item", "table", "KNOWN", "1", CodeConversion.Standard);

        worker.Merge(other);

        worker.Codes.ShouldBe(new Dictionary<CodeKey, long>
        {
            [new("item", "table", WithheldCodes.TooMany, null, CodeConversion.Unknown)] = 30,
            [new("item", "table", "KNOWN", "1", CodeConversion.Standard)] = 1,
        }, ignoreOrder: true);
    }

    [Fact]
    public void A_yaml_alias_bomb_is_refused_at_the_alias_that_passes_the_bound()
    {
        var path = Path.Combine(_directory, "bomb.yaml");
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 1; i <= 9; i++) text += $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n";
        File.WriteAllText(path, text);

        var error = Should.Throw<MigrateException>(() => YamlFile.Load(path));

        error.Kind.ShouldBe(FailureKind.Usage);
        error.Message.ShouldStartWith(path + ":5:");
        error.Message.ShouldContain("YAML aliases (*a3) repeat more than 100,000 nodes");
    }

    [Fact]
    public void Yaml_nested_deeper_than_the_bound_is_refused_without_exhausting_the_stack()
    {
        var path = Path.Combine(_directory, "deep.yaml");
        File.WriteAllText(path, "x: " + new string('[', 100_000) + new string(']', 100_000) + "\n");

        Should.Throw<MigrateException>(() => YamlFile.Load(path)).Message.ShouldBe($"{path}:1:67: the YAML is nested more than 64 levels deep; a mapping file never needs that");
    }

    [Fact]
    public void Aliases_that_repeat_little_are_still_read()
    {
        var path = Path.Combine(_directory, "aliases.yaml");
        File.WriteAllText(path, "base: &b { a: 1, b: 2 }\nother: *b\n");

        YamlFile.Load(path).Root.Children.Count.ShouldBe(2);
    }
}
