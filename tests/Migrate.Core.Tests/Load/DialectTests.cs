using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Standard;
using Migrate.Data.Engines;
using Migrate.Data.Engines.Postgres;
using Migrate.Data.Engines.Sqlite;
using Migrate.Data.Engines.SqlServer;

namespace Migrate.Core.Tests.Load;

/// <summary>DDL per dialect, generated from the bundled standard: types, NOT NULL, keys, and the length rules each database counts in.</summary>
public sealed class DialectTests
{
    private static readonly StandardDefinition Juki = StandardLoader.Load(RepoPaths.Standard());
    private static StandardTable Person => Juki.FindTable("person")!;

    private static string Line(string ddl, string column) =>
        ddl.Split('\n').Single(l => l.TrimStart().StartsWith(column + " ", StringComparison.Ordinal));

    [Fact]
    public void Postgres_uses_varchar_for_counted_text_date_smallint_bigint_and_a_named_key()
    {
        var ddl = new PostgresDialect().CreateTable(Juki, Person);

        ddl.ShouldContain("CREATE TABLE \"juki_person\" (");
        Line(ddl, "\"atena_no\"").ShouldStartWith("  \"atena_no\" varchar(15) NOT NULL,");
        Line(ddl, "\"rireki_no\"").ShouldStartWith("  \"rireki_no\" bigint NOT NULL,");
        Line(ddl, "\"shimei\"").ShouldStartWith("  \"shimei\" text NOT NULL,");
        Line(ddl, "\"shimei_kana\"").ShouldStartWith("  \"shimei_kana\" varchar(100),");
        Line(ddl, "\"seinengappi\"").ShouldStartWith("  \"seinengappi\" date,");
        // Required, but a 不詳 異動年月日 (a death on an unknown day) is held by its flag: the column is nullable.
        Line(ddl, "\"ido_ymd\"").ShouldStartWith("  \"ido_ymd\" date,");
        Line(ddl, "\"shien_sochi_flag\"").ShouldStartWith("  \"shien_sochi_flag\" smallint,");
        ddl.ShouldContain("CONSTRAINT \"pk_juki_person\" PRIMARY KEY (\"atena_no\", \"rireki_no\")");
    }

    [Fact]
    public void Sql_server_uses_nvarchar_sized_in_utf16_units_date_bit_and_a_named_key()
    {
        var ddl = new SqlServerDialect().CreateTable(Juki, Person);

        ddl.ShouldContain("CREATE TABLE [juki_person] (");
        Line(ddl, "[atena_no]").ShouldStartWith("  [atena_no] NVARCHAR(15) NOT NULL,");
        Line(ddl, "[rireki_no]").ShouldStartWith("  [rireki_no] BIGINT NOT NULL,");
        // 100 standard characters, each possibly a surrogate pair with a variation selector.
        Line(ddl, "[shimei]").ShouldStartWith("  [shimei] NVARCHAR(400) NOT NULL,");
        Line(ddl, "[shimei_kana]").ShouldStartWith("  [shimei_kana] NVARCHAR(100),");
        Line(ddl, "[seinengappi]").ShouldStartWith("  [seinengappi] DATE,");
        Line(ddl, "[shien_sochi_flag]").ShouldStartWith("  [shien_sochi_flag] BIT,");
        ddl.ShouldContain("CONSTRAINT [pk_juki_person] PRIMARY KEY ([atena_no], [rireki_no])");
    }

    [Fact]
    public void Sqlite_ddl_is_unchanged_so_existing_targets_keep_their_ddl_hash()
    {
        var ddl = new SqliteDialect().CreateTable(Juki, Person);

        Line(ddl, "\"atena_no\"").ShouldStartWith("  \"atena_no\" TEXT NOT NULL,");
        ddl.ShouldContain("  PRIMARY KEY (\"atena_no\", \"rireki_no\")\n);");
    }

    [Fact]
    public void Ddl_hash_ignores_line_endings_and_differs_per_dialect()
    {
        var sqlite = new SqliteDialect();
        sqlite.DdlHash(Juki).ShouldBe(Work.FileHash.Sha256Text(sqlite.CreateAll(Juki).ReplaceLineEndings("\n")));
        sqlite.DdlHash(Juki).ShouldNotBe(new PostgresDialect().DdlHash(Juki));
    }

    [Theory]
    [InlineData("postgres", "postgres")]
    [InlineData("sqlserver", "sqlserver")]
    [InlineData("sqlite", "sqlite")]
    public void Dialects_are_found_by_name(string name, string expected) => DatabaseEngines.Dialect(name).Name.ShouldBe(expected);

    [Fact]
    public void An_unknown_dialect_is_a_usage_error() =>
        Should.Throw<MigrateException>(() => DatabaseEngines.Dialect("oracle")).Kind.ShouldBe(FailureKind.Usage);

    [Fact]
    public void Length_checks_count_as_each_database_does()
    {
        var kana = Person.Find("shimei_kana")!;
        var name = Person.Find("shimei")!;
        new PostgresDialect().CheckFits(kana, new string('ア', 100)).ShouldBeNull();
        new PostgresDialect().CheckFits(kana, new string('ア', 101)).ShouldBe("has 101 characters, its column holds 100");
        new PostgresDialect().CheckFits(name, "a\0b").ShouldNotBeNull();
        new SqlServerDialect().CheckFits(name, string.Concat(Enumerable.Repeat("𠮷\U000E0100", 100))).ShouldBeNull();
        new SqlServerDialect().CheckFits(kana, new string('ア', 101)).ShouldBe("needs 101 UTF-16 units, its column NVARCHAR(100) holds 100");
    }
}
