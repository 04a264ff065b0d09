using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Manifests;
using Migrate.Core.Standard;
using Migrate.Data.Engines.Postgres;

namespace Migrate.Core.Tests.Load;

/// <summary>Canonical values for checksums, typed values for bulk loads, and the reject threshold.</summary>
public sealed class LoadValuesTests
{
    private static StandardItem Item(string id, ItemType type, bool required = false, int? length = null, CharRule chars = CharRule.Any) =>
        new(id, id + "名", id, type, length, required, null, 0, chars, null, false, false, null, new SourcePosition("t.yaml", 1, 1));

    private static readonly StandardTable Table = new("t", "テスト", "test", "", ["id"], false,
    [
        Item("id", ItemType.String, required: true, length: 5, chars: CharRule.Digits),
        Item("n", ItemType.Integer, length: 4),
        Item("d", ItemType.Date),
        Item("f", ItemType.Flag),
        Item("m", ItemType.Decimal),
    ]);

    [Theory]
    [InlineData(ItemType.Date, "1975-03-01")]
    [InlineData(ItemType.Integer, "42")]
    [InlineData(ItemType.Flag, "1")]
    [InlineData(ItemType.Decimal, "1.5")]
    public void Database_values_render_as_the_mapped_file_does(ItemType type, string expected)
    {
        object value = type switch
        {
            ItemType.Date => new DateTime(1975, 3, 1),
            ItemType.Integer => 42,
            ItemType.Flag => true,
            _ => 1.500m,
        };
        CanonicalValue.FromDatabase(type, value).ShouldBe(expected);
    }

    [Fact]
    public void Null_stays_distinct_from_empty_and_decimals_lose_only_trailing_zeros()
    {
        CanonicalValue.FromDatabase(ItemType.String, DBNull.Value).ShouldBeNull();
        CanonicalValue.FromDatabase(ItemType.String, "").ShouldBe("");
        CanonicalValue.FromDatabase(ItemType.Date, new DateOnly(2019, 5, 1)).ShouldBe("2019-05-01");
        CanonicalValue.FromDatabase(ItemType.Flag, (short)0).ShouldBe("0");
        CanonicalValue.FromMapped(ItemType.Decimal, "12.3400").ShouldBe("12.34");
        CanonicalValue.FromDatabase(ItemType.Decimal, 12.34).ShouldBe("12.34");
        CanonicalValue.FromMapped(ItemType.String, "0012.3400").ShouldBe("0012.3400");
    }

    [Fact]
    public void Converter_types_values_for_the_columns()
    {
        var converter = new LoadValueConverter(Table, new PostgresDialect(), "mapped/t.csv");

        converter.Convert(["00012", "7", "2019-05-01", "1", "3.25"], 2);

        converter.Values.ShouldBe(["00012", 7, new DateOnly(2019, 5, 1), (short)1, 3.25m]);
    }

    [Theory]
    [InlineData(0, null, "is required but empty")]
    [InlineData(1, "x7", "is not a whole number")]
    [InlineData(1, "99999999999", "is outside the 32-bit integer range")]
    [InlineData(2, "2019-02-30", "is not a date YYYY-MM-DD")]
    [InlineData(3, "2", "is not a flag (0 or 1)")]
    [InlineData(0, "123456", "has 6 characters, its column holds 5")]
    public void Converter_names_the_file_line_and_item_but_never_the_value(int column, string? bad, string expected)
    {
        string?[] row = ["00012", "7", "2019-05-01", "1", "3.25"];
        row[column] = bad;
        var converter = new LoadValueConverter(Table, new PostgresDialect(), "mapped/t.csv");

        var error = Should.Throw<MigrateException>(() => converter.Convert(row, 17));

        error.Kind.ShouldBe(FailureKind.Data);
        error.Message.ShouldStartWith($"mapped/t.csv:17: t.{Table.Items[column].Label} {expected}");
        if (bad is not null) error.Message.ShouldNotContain(bad);
    }

    [Theory]
    [InlineData("10", 10L, null)]
    [InlineData("2.5%", null, "2.5")]
    [InlineData("0", 0L, null)]
    public void Reject_threshold_parses_counts_and_percentages(string text, long? count, string? percent)
    {
        var threshold = RejectThreshold.Parse(text);
        threshold.Count.ShouldBe(count);
        threshold.Percent.ShouldBe(percent is null ? null : decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("-1")]
    [InlineData("150%")]
    public void A_bad_reject_threshold_is_a_usage_error(string text) =>
        Should.Throw<MigrateException>(() => RejectThreshold.Parse(text)).Kind.ShouldBe(FailureKind.Usage);

    [Fact]
    public void Table_comparison_names_each_table_that_differs()
    {
        var expected = new[] { new Migrate.Core.Manifests.TableLoad("person", 3, "aaaa"), new Migrate.Core.Manifests.TableLoad("support", 1, "bbbb") };

        var differences = TableComparison.Differences(expected, [new Migrate.Core.Manifests.TableLoad("person", 3, "cccc"), new Migrate.Core.Manifests.TableLoad("support", 2, "bbbb")]);

        differences.Count.ShouldBe(2);
        differences[0].ShouldStartWith("person: same row count (3) but the rows differ");
        differences[1].ShouldBe("support: the target holds 2 rows, the mapped file has 1");
    }
}
