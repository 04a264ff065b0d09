using Migrate.Core.Map;
using Migrate.Core.Mapping;
using Migrate.Core.Transforms;

namespace Migrate.Core.Tests.Transforms;

public sealed class CodeTransformTests
{
    private static CodeTableDefinition Table(UnknownCodeRule rule, string? fallback = null) => new("zokugara",
        new Dictionary<string, string> { ["01"] = "02", ["07"] = "2020", ["13"] = "96" },
        new HashSet<string> { "07" }, new HashSet<string> { "13" }, rule, fallback);

    private static (bool, Cell, Migrate.Core.Diagnostics.Problem?, Observations) Apply(string value, CodeTableDefinition table)
    {
        var seen = new Observations();
        var ok = new CodeTransform("zokugara", table).TryApply(new Cell(value), new RowScope(new Dictionary<string, int>(), seen), out var cell, out var problem);
        return (ok, cell, problem, seen);
    }

    [Fact]
    public void Grandchild_becomes_a_chain_and_is_counted_as_custom()
    {
        var (ok, cell, _, seen) = Apply("07", Table(UnknownCodeRule.Reject));
        ok.ShouldBeTrue();
        cell.Value.ShouldBe("2020");
        seen.Codes[new CodeKey("zokugara", "zokugara", "07", "2020", CodeConversion.Custom)].ShouldBe(1);
    }

    [Fact]
    public void Lossy_merge_is_counted_as_lossy()
    {
        var (_, _, _, seen) = Apply("13", Table(UnknownCodeRule.Reject));
        seen.Lossy[new LossyKey("zokugara", "code-merge")].ShouldBe(1);
    }

    [Fact]
    public void Unknown_code_is_rejected_with_its_value_and_table()
    {
        var (ok, _, problem, _) = Apply("77", Table(UnknownCodeRule.Reject));
        ok.ShouldBeFalse();
        problem!.Code.ShouldBe("code.unknown");
        problem.Message.ShouldBe("legacy code '77' is not in code table 'zokugara'");
    }

    [Fact]
    public void Unknown_code_can_default_and_is_then_lossy()
    {
        var (ok, cell, _, seen) = Apply("77", Table(UnknownCodeRule.Default, "96"));
        ok.ShouldBeTrue();
        cell.Value.ShouldBe("96");
        seen.Lossy[new LossyKey("zokugara", "code-default")].ShouldBe(1);
    }

    [Fact]
    public void Empty_value_passes_without_lookup()
    {
        var (ok, cell, _, seen) = Apply("", Table(UnknownCodeRule.Reject));
        ok.ShouldBeTrue();
        cell.Value.ShouldBe("");
        seen.Codes.ShouldBeEmpty();
    }
}
