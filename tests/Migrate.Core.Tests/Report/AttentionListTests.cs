using Migrate.Core.Report;
using Migrate.Core.Report.Rendering;

namespace Migrate.Core.Tests.Report;

public sealed class AttentionListTests
{
    [Fact]
    public void A_critical_table_s_items_without_a_source_are_one_line_and_leave_room_for_gaiji_and_rejects()
    {
        var missing = Enumerable.Range(1, 19).Select(i => new Finding($"missing-item/{SampleReports.UnbalancedTable}/item{i:D2}", FindingCategory.MissingItem,
            $"移行元のない標準項目 項目{i:D2}", "旧データに対応する列がないため、空のまま移行されます。", 0,
            Table: SampleReports.UnbalancedTable, Item: $"item{i:D2}", ItemName: $"項目{i:D2}"));

        var items = AttentionList.For(SampleReports.Build(missing));

        var critical = items.Where(i => i.Text.Contains("移行元のない標準項目", StringComparison.Ordinal)).ShouldHaveSingleItem();
        critical.Kind.ShouldBe("重要");
        critical.Text.ShouldBe("支援措置（juki_support）: 移行元のない標準項目 19 項目（項目01、項目02、項目03、項目04、項目05 ほか）");
        items.ShouldContain(i => i.Kind == "未解決の外字" && i.Text == "外字 F042（U+E002）" && i.Count == 6);
        items.Where(i => i.Kind == "リジェクト").Select(i => i.Count).ShouldBe([850, 500, 40, 7, 3]);
    }
}
