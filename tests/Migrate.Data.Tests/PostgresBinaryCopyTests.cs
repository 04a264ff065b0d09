using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Standard;
using Migrate.Data.Engines.Postgres;
using Migrate.Data.Tests.Support;

namespace Migrate.Data.Tests;

/// <summary>When the PostgreSQL load sends binary COPY rather than CSV (the bytes themselves are checked against a real server in PostgresTargetTests).</summary>
public sealed class PostgresBinaryCopyTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

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

    /// <summary>
    /// One encoder remembers each column's last field; a fresh encoder per row cannot. Rows that
    /// repeat, differ by one character, switch between empty and not, or hold a field too long to be
    /// remembered must come out byte for byte the same both ways, with the same row hashes, and those
    /// must be the hashes computed from the text (the CSV path's).
    /// </summary>
    [Fact]
    public void Remembered_fields_give_the_bytes_and_hashes_of_fresh_encoding()
    {
        var longAddress = string.Concat(Enumerable.Repeat("東京都千代田区", 14)); // 98 characters, 294 bytes
        var rows = new List<Dictionary<string, string?>>
        {
            MappedFiles.Person(1),
            MappedFiles.Person(1, 2),                                            // the same person again
            MappedFiles.Person(1, 3, ("ido_ymd", "2019-05-02")),                 // one digit of a date
            MappedFiles.Person(1, 4, ("jusho", "東京都千代田区千代田１丁目１番２号")), // one character of a text
            MappedFiles.Person(1, 5, ("seinengappi", null)),                      // empty, then back
            MappedFiles.Person(1, 6),
            MappedFiles.Person(7, 1, ("jusho", longAddress)),
            MappedFiles.Person(7, 2, ("jusho", longAddress)),
            MappedFiles.Person(8, 2147483647),
            MappedFiles.Person(9, 2147483647),
        };
        var input = MappedFiles.Write(_temp.Combine("person.csv"), TestStandard.Person, rows);
        var types = DdlTypes(TestStandard.Person);
        var converter = new LoadValueConverter(TestStandard.Person, new PostgresDialect(), input.MappedFile);

        var remembering = PostgresBinaryCopy.For(TestStandard.Person, types)!;
        var (remembered, rememberedHash) = Encode(input, (reader, buffer, hash) => remembering.Write(reader, buffer, converter, new RowChecksum(), hash));
        var (fresh, freshHash) = Encode(input, (reader, buffer, hash) => PostgresBinaryCopy.For(TestStandard.Person, types)!.Write(reader, buffer, converter, new RowChecksum(), hash));
        var fromText = new PostgresRowHash([.. TestStandard.Person.Items.Select(i => i.Type)]);
        using (var reader = new MappedRecordReader(input.MappedFile, TestStandard.Person))
            while (reader.Read()) fromText.Add(reader);

        remembered.Count.ShouldBe(rows.Count);
        for (var i = 0; i < rows.Count; i++) remembered[i].ShouldBe(fresh[i], $"row {i + 1}");
        rememberedHash.Sum.ShouldBe(freshHash.Sum);
        rememberedHash.Xor.ShouldBe(freshHash.Xor);
        rememberedHash.Sum.ShouldBe(fromText.Sum);
        rememberedHash.Xor.ShouldBe(fromText.Xor);
    }

    [Fact]
    public void A_field_that_fails_its_check_after_a_valid_one_is_refused_with_its_line()
    {
        var input = MappedFiles.Write(_temp.Combine("person.csv"), TestStandard.Person,
            [MappedFiles.Person(1), MappedFiles.Person(1, 2), MappedFiles.Person(1, 3, ("ido_ymd", "2019-02-30"))]);
        var encoder = PostgresBinaryCopy.For(TestStandard.Person, DdlTypes(TestStandard.Person))!;
        var converter = new LoadValueConverter(TestStandard.Person, new PostgresDialect(), input.MappedFile);
        var hash = new PostgresRowHash([.. TestStandard.Person.Items.Select(i => i.Type)]);
        using var reader = new MappedRecordReader(input.MappedFile, TestStandard.Person);

        reader.Read().ShouldBeTrue();
        reader.Read().ShouldBeTrue();
        reader.Read().ShouldBeTrue();
        var error = Should.Throw<MigrateException>(() => encoder.Write(reader, new byte[encoder.MaxLength(reader)], converter, new RowChecksum(), hash));

        error.Message.ShouldContain(":4");
        error.Message.ShouldContain("ido_ymd");
    }

    private static (List<byte[]> Rows, PostgresRowHash Hash) Encode(LoadInput input, Func<MappedRecordReader, byte[], PostgresRowHash, int> write)
    {
        var rows = new List<byte[]>();
        var hash = new PostgresRowHash([.. TestStandard.Person.Items.Select(i => i.Type)]);
        using var reader = new MappedRecordReader(input.MappedFile, TestStandard.Person);
        while (reader.Read())
        {
            var buffer = new byte[64 * 1024];
            rows.Add(buffer[..write(reader, buffer, hash)]);
        }
        return (rows, hash);
    }
}
