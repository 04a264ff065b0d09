using Migrate.Core.Map;
using Migrate.Core.Transforms;

namespace Migrate.Core.Tests.Transforms;

public sealed class TextTransformTests
{
    private static readonly Dictionary<string, int> Columns = new() { ["SEI"] = 0, ["MEI"] = 1 };

    private static Cell Run(ITransform transform, string? value, params string?[] row)
    {
        var scope = new RowScope(Columns, new Observations());
        scope.Reset(row);
        transform.TryApply(new Cell(value), scope, out var cell, out var problem).ShouldBeTrue(problem?.Message);
        return cell;
    }

    [Fact] public void Trim_removes_half_and_full_width_padding() => Run(new TrimTransform(), " 　山田　 ").Value.ShouldBe("山田");
    [Fact] public void Pad_left_with_zeros() => Run(new PadTransform(6, '0', left: true), "123").Value.ShouldBe("000123");
    [Fact] public void Pad_leaves_empty_values_empty() => Run(new PadTransform(6, '0', left: true), "").Value.ShouldBe("");
    [Fact] public void Remove_drops_hyphens() => Run(new ReplaceTransform("-", ""), "100-0001").Value.ShouldBe("1000001");
    [Fact] public void Default_fills_empty() => Run(new DefaultTransform("0"), "").Value.ShouldBe("0");
    [Fact] public void Default_keeps_present_values() => Run(new DefaultTransform("0"), "1").Value.ShouldBe("1");
    [Fact] public void Constant_ignores_input() => Run(new ConstantTransform("131016"), "x").Value.ShouldBe("131016");
    [Fact] public void Concat_joins_columns_skipping_empty() => Run(new ConcatTransform(["SEI", "MEI"], "　"), null, "山田", "太郎").Value.ShouldBe("山田　太郎");
    [Fact] public void Concat_with_one_empty_column() => Run(new ConcatTransform(["SEI", "MEI"], "　"), null, "山田", "").Value.ShouldBe("山田");
    [Fact] public void Split_takes_the_first_part() => Run(new SplitTransform("　", 0, false), "山田　太郎").Value.ShouldBe("山田");
    [Fact] public void Split_last_index_keeps_the_rest() => Run(new SplitTransform("　", -1, false), "山田　太郎　次郎").Value.ShouldBe("太郎　次郎");
    [Fact] public void Halfwidth_ascii_converts_full_width_letters() => Run(new HalfWidthAsciiTransform(), "ＳＭＩＴＨ　ＪＯＨＮ").Value.ShouldBe("SMITH JOHN");
    [Fact] public void Kana_transform_composes() => Run(new KanaTransform(), "ﾀﾞｲｽｹ").Value.ShouldBe("ダイスケ");

    [Fact]
    public void Split_required_part_missing_is_a_problem()
    {
        var scope = new RowScope(Columns, new Observations());
        new SplitTransform("　", 1, true).TryApply(new Cell("山田"), scope, out _, out var problem).ShouldBeFalse();
        problem!.Code.ShouldBe("split.missing-part");
    }

    [Fact]
    public void Truncate_never_splits_a_surrogate_pair_and_is_lossy()
    {
        var seen = new Observations();
        var scope = new RowScope(Columns, seen);
        new TruncateTransform("shimei", 2).TryApply(new Cell("山𠮷田"), scope, out var cell, out _).ShouldBeTrue();
        cell.Value.ShouldBe("山");
        seen.Lossy[new LossyKey("shimei", "truncate")].ShouldBe(1);
    }

    [Fact]
    public void Transforms_that_remember_their_last_value_give_each_value_its_own_result()
    {
        // Repeats, a change, an equal copy of an earlier value, and null in between.
        string?[] values = ["ﾀﾞｲｽｹ", "ﾀﾞｲｽｹ", "ﾊﾅｺ 100-0001", null, new string("ﾀﾞｲｽｹ".AsSpan()), "", "ﾊﾅｺ 100-0001"];
        var kana = new KanaTransform();
        var remove = new ReplaceTransform("-", "");

        var kanaResults = values.Select(v => Run(kana, v).Value).ToList();
        var removeResults = values.Select(v => Run(remove, v).Value).ToList();

        kanaResults.ShouldBe(values.Select(v => Run(new KanaTransform(), v).Value));
        removeResults.ShouldBe(values.Select(v => Run(new ReplaceTransform("-", ""), v).Value));
        kanaResults.ShouldBe(["ダイスケ", "ダイスケ", "ハナコ\u3000100-0001", null, "ダイスケ", "", "ハナコ\u3000100-0001"]);
        removeResults.ShouldBe(["ﾀﾞｲｽｹ", "ﾀﾞｲｽｹ", "ﾊﾅｺ 1000001", null, "ﾀﾞｲｽｹ", "", "ﾊﾅｺ 1000001"]);
    }
}
