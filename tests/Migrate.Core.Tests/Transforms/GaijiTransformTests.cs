using Migrate.Core.Map;
using Migrate.Core.Mapping;
using Migrate.Core.Transforms;

namespace Migrate.Core.Tests.Transforms;

public sealed class GaijiTransformTests
{
    private static GaijiTable Table(UnresolvedGaijiRule rule) => new(new Dictionary<int, GaijiEntry>
    {
        [0xE000] = new("F040", 0xE000, GaijiResolution.Identified, "髙", null, null),
        [0xE001] = new("F041", 0xE001, GaijiResolution.Identified, "辻\U000E0100", null, null),
        [0xE004] = new("F044", 0xE004, GaijiResolution.Reduced, "邊", null, null),
    }, rule);

    private static (bool Ok, Cell Cell, Migrate.Core.Diagnostics.Problem? Problem, Observations Seen) Apply(string value, UnresolvedGaijiRule rule = UnresolvedGaijiRule.Reject)
    {
        var seen = new Observations();
        var ok = new GaijiTransform("shimei", Table(rule)).TryApply(new Cell(value), new RowScope(new Dictionary<string, int>(), seen), out var cell, out var problem);
        return (ok, cell, problem, seen);
    }

    [Fact]
    public void Identified_gaiji_is_replaced_and_counted()
    {
        var (ok, cell, _, seen) = Apply("\uE000橋　太郎");
        ok.ShouldBeTrue();
        cell.Value.ShouldBe("髙橋　太郎");
        seen.Gaiji[new GaijiKey("shimei", 0xE000, GaijiResolution.Identified)].ShouldBe(1);
    }

    [Fact]
    public void Ivs_selector_survives_replacement() => Apply("\uE001本").Cell.Value.ShouldBe("辻\U000E0100本");

    [Fact]
    public void Reduced_gaiji_counts_as_lossy()
    {
        var (_, cell, _, seen) = Apply("渡\uE004");
        cell.Value.ShouldBe("渡邊");
        seen.Lossy[new LossyKey("shimei", "gaiji-reduced")].ShouldBe(1);
    }

    [Fact]
    public void Unknown_gaiji_rejects_naming_the_cp932_code_not_the_name()
    {
        var (ok, _, problem, seen) = Apply("山\uE005");
        ok.ShouldBeFalse();
        problem!.Code.ShouldBe("gaiji.unresolved");
        problem.Message.ShouldContain("F045");
        problem.Message.ShouldNotContain("山");
        seen.Gaiji[new GaijiKey("shimei", 0xE005, GaijiResolution.Unresolved)].ShouldBe(1);
    }

    [Fact]
    public void Unknown_gaiji_passes_through_when_the_table_keeps_them()
    {
        var (ok, cell, _, _) = Apply("山\uE005", UnresolvedGaijiRule.Keep);
        ok.ShouldBeTrue();
        cell.Value.ShouldBe("山\uE005");
    }

    [Theory]
    [InlineData(0xF040, 0xE000)]
    [InlineData(0xF07E, 0xE03E)]
    [InlineData(0xF080, 0xE03F)]
    [InlineData(0xF0FC, 0xE0BB)]
    [InlineData(0xF140, 0xE0BC)]
    [InlineData(0xF9FC, 0xE757)]
    public void Cp932_user_defined_codes_map_onto_the_private_use_area(int sjis, int codePoint)
    {
        GaijiTable.Cp932UserDefinedToCodePoint(sjis).ShouldBe(codePoint);
        GaijiTable.CodePointToCp932Label(codePoint).ShouldBe(sjis.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
    }
}
