using Migrate.Core.Load;
using Migrate.Core.Standard;
using Migrate.Data.Targets;
using Migrate.Data.Tests.Support;

namespace Migrate.Data.Tests;

/// <summary>When the PostgreSQL load sends binary COPY rather than CSV (the bytes themselves are checked against a real server in PostgresTargetTests).</summary>
public sealed class PostgresBinaryCopyTests
{
    // The pg_type names of the columns our own DDL creates for a table.
    private static Dictionary<string, string> DdlTypes(StandardTable table) => table.Items.ToDictionary(i => i.Id, i => i.Type switch
    {
        ItemType.Integer => SqlDialect.IsBigInteger(i) ? "int8" : "int4",
        ItemType.Flag => "int2",
        ItemType.Date => "date",
        ItemType.Decimal => "numeric",
        _ => i.Length is null ? "text" : "varchar",
    }, StringComparer.Ordinal);

    [Fact]
    public void Tables_created_by_our_ddl_are_sent_in_binary()
    {
        PostgresBinaryCopy.For(TestStandard.Person, DdlTypes(TestStandard.Person)).ShouldNotBeNull();
        PostgresBinaryCopy.For(TestStandard.Support, DdlTypes(TestStandard.Support)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("shien_sochi_flag", "int4")]   // a flag made wider by hand
    [InlineData("rireki_no", "numeric")]
    [InlineData("seinengappi", "timestamp")]
    [InlineData("atena_no", "bpchar")]          // char(n) pads: its bytes are not the mapped value
    public void A_column_of_another_type_falls_back_to_csv(string column, string type)
    {
        var types = DdlTypes(TestStandard.Person);
        types[column] = type;

        PostgresBinaryCopy.For(TestStandard.Person, types).ShouldBeNull();
    }

    [Fact]
    public void A_missing_column_falls_back_to_csv()
    {
        var types = DdlTypes(TestStandard.Person);
        types.Remove("kojin_no");

        PostgresBinaryCopy.For(TestStandard.Person, types).ShouldBeNull();
    }
}
