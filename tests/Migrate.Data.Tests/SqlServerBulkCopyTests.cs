using Microsoft.Data.SqlClient;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Data.Engines.SqlServer;
using Migrate.Data.Tests.Support;

namespace Migrate.Data.Tests;

/// <summary>The SQL Server bulk copy set-up and its streaming reader, checked without a server.</summary>
public sealed class SqlServerBulkCopyTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_mapped_column_is_mapped_explicitly_by_ordinal_to_its_column_name()
    {
        // The connection string is not opened until WriteToServer.
        using var bulk = new SqlBulkCopy("Server=127.0.0.1;Database=unused", SqlBulkCopyOptions.KeepNulls);

        BulkCopyColumns.Configure(bulk, new SqlServerDialect(), "juki_person", TestStandard.Person);

        bulk.DestinationTableName.ShouldBe("[juki_person]");
        bulk.BulkCopyTimeout.ShouldBe(0);
        var mappings = bulk.ColumnMappings.Cast<SqlBulkCopyColumnMapping>().ToList();
        mappings.Select(m => m.SourceOrdinal).ShouldBe(Enumerable.Range(0, TestStandard.Person.Items.Count));
        mappings.Select(m => m.DestinationColumn).ShouldBe(TestStandard.Person.Items.Select(i => i.Id));
    }

    [Fact]
    public void The_reader_streams_rows_with_sql_server_types_and_nulls()
    {
        var input = MappedFiles.Write(_temp.Combine("person.csv"), TestStandard.Person, [MappedFiles.Person(5), MappedFiles.Person(7)]);
        using var reader = new MappedRowsDataReader(input, new SqlServerDialect());

        reader.FieldCount.ShouldBe(TestStandard.Person.Items.Count);
        reader.GetName(0).ShouldBe("atena_no");
        reader.GetFieldType(reader.GetOrdinal("seinengappi")).ShouldBe(typeof(DateTime));
        reader.Read().ShouldBeTrue();
        reader.GetValue(reader.GetOrdinal("atena_no")).ShouldBe("0000000005");
        reader.GetValue(reader.GetOrdinal("rireki_no")).ShouldBe(1L);
        reader.GetValue(reader.GetOrdinal("seinengappi")).ShouldBe(new DateTime(1975, 3, 1));
        reader.GetValue(reader.GetOrdinal("shien_sochi_flag")).ShouldBe(true);
        reader.IsDBNull(reader.GetOrdinal("kyuuji")).ShouldBeTrue();
        reader.Read().ShouldBeTrue();
        reader.IsDBNull(reader.GetOrdinal("seinengappi")).ShouldBeTrue();
        reader.GetValue(reader.GetOrdinal("shien_sochi_flag")).ShouldBe(false);
        reader.Read().ShouldBeFalse();
        reader.RowsRead.ShouldBe(2);
    }

    [Fact]
    public void A_value_too_long_for_its_nvarchar_column_fails_naming_the_line_and_item()
    {
        var rows = new[] { MappedFiles.Person(1), MappedFiles.Person(2, 1, ("shimei_kana", new string('ア', 101))) };
        var input = MappedFiles.Write(_temp.Combine("person.csv"), TestStandard.Person, rows);
        using var reader = new MappedRowsDataReader(input, new SqlServerDialect());

        reader.Read().ShouldBeTrue();
        var error = Should.Throw<MigrateException>(() => reader.Read());

        error.Kind.ShouldBe(FailureKind.Data);
        error.Message.ShouldContain("person.csv:3: person.氏名フリガナ (shimei_kana) needs 101 UTF-16 units, its column NVARCHAR(100) holds 100");
        reader.Failure.ShouldBe(error);
    }
}
