using Migrate.Core.Diagnostics;
using Migrate.Core.Map;
using Migrate.Core.Mapping;
using Migrate.Core.Text;
using Migrate.Core.Transforms;

namespace Migrate.Core.Tests.Transforms;

/// <summary>
/// A conversion of the value alone gives the same cells, problems and counts with the pipeline's memo
/// as without it, whatever repeats, fails or alternates; the transform itself keeps nothing.
/// </summary>
public sealed class RememberedConversionTests
{
    private static readonly IReadOnlyList<EraDefinition> Eras =
    [
        new("3", "S", "昭和", new DateOnly(1926, 12, 25), new DateOnly(1989, 1, 7)),
        new("4", "H", "平成", new DateOnly(1989, 1, 8), new DateOnly(2019, 4, 30)),
    ];

    private static readonly CodeTableDefinition Zokugara = new("zokugara",
        new Dictionary<string, string> { ["01"] = "02", ["07"] = "2020", ["13"] = "96" },
        new HashSet<string> { "07" }, new HashSet<string> { "13" }, UnknownCodeRule.Reject, null);

    private static WarekiTransform Wareki(bool keepsUnknown) =>
        new(new WarekiParser(new DateFormatDefinition("t", ["GYYMMDD"], true, new DateOnly(1873, 1, 1), ["不詳"]), Eras), "生年月日", keepsUnknown);

    /// <summary>Each value through <paramref name="step"/>, as a row loop gives them: what came out, and what was counted.</summary>
    private static (List<(bool Ok, Cell Cell, Problem? Problem)> Rows, Observations Seen) Run(ITransform step, IEnumerable<string?> values)
    {
        var seen = new Observations();
        var scope = new RowScope(new Dictionary<string, int>(), seen);
        var rows = new List<(bool, Cell, Problem?)>();
        foreach (var value in values)
        {
            var ok = step.TryApply(new Cell(value), scope, out var cell, out var problem);
            rows.Add((ok, cell, problem));
        }
        return (rows, seen);
    }

    [Fact]
    public void Codes_are_counted_on_every_row_when_their_lookup_is_remembered()
    {
        // Repeats, an unknown code twice, an empty value between equal codes, and a copy of the string.
        string?[] values = ["01", "01", "07", "07", "77", "77", "01", "", "01", null, "13", "13", new string("13".AsSpan())];
        var transform = new CodeTransform("zokugara", Zokugara);

        var plain = Run(transform, values);
        var remembered = Run(transform.WithMemo(), values);

        remembered.Rows.ShouldBe(plain.Rows);
        remembered.Seen.Codes.ShouldBe(plain.Seen.Codes, ignoreOrder: true);
        remembered.Seen.Lossy.ShouldBe(plain.Seen.Lossy, ignoreOrder: true);
        remembered.Seen.Codes[new CodeKey("zokugara", "zokugara", "01", "02", CodeConversion.Standard)].ShouldBe(4);
        remembered.Seen.Codes[new CodeKey("zokugara", "zokugara", "77", null, CodeConversion.Unknown)].ShouldBe(2);
        remembered.Seen.Lossy[new LossyKey("zokugara", "code-merge")].ShouldBe(3);
        remembered.Rows[4].Problem!.Message.ShouldBe("legacy code '77' is not in code table 'zokugara'");
    }

    [Fact]
    public void A_remembered_date_and_a_remembered_failure_are_what_parsing_again_gives()
    {
        // A valid date twice, an out-of-range one twice, 不詳 twice, then the first date again.
        string?[] values = ["3500301", "3500301", "3640108", "3640108", "不詳", "不詳", "", "3500301"];
        foreach (var keepsUnknown in new[] { true, false })
        {
            var transform = Wareki(keepsUnknown);

            var plain = Run(transform, values);
            var remembered = Run(transform.WithMemo(), values);

            remembered.Rows.ShouldBe(plain.Rows);
            remembered.Rows[1].Cell.Value.ShouldBe("1975-03-01");
            remembered.Rows[3].Problem!.Code.ShouldBe(ErrorCodes.DateEraOutOfRange);
            remembered.Rows[5].Ok.ShouldBe(keepsUnknown);
        }
    }

    [Fact]
    public void Each_memo_is_its_own_so_one_transform_serves_two_items()
    {
        var transform = new ReplaceTransform("-", "");
        var first = transform.WithMemo();
        var second = transform.WithMemo();

        Run(first, ["100-0001"]).Rows[0].Cell.Value.ShouldBe("1000001");
        Run(second, ["160-0023"]).Rows[0].Cell.Value.ShouldBe("1600023");
        Run(first, ["160-0023", "100-0001"]).Rows.Select(r => r.Cell.Value).ShouldBe(["1600023", "1000001"]);
        Run(new KanaTransform().WithMemo(), ["ﾀﾞｲｽｹ", "ﾀﾞｲｽｹ", "ﾊﾅｺ"]).Rows.Select(r => r.Cell.Value).ShouldBe(["ダイスケ", "ダイスケ", "ハナコ"]);
    }
}
