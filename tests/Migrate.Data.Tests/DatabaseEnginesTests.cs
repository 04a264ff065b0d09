using Microsoft.Data.Sqlite;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract.Database;
using Migrate.Core.Load;
using Migrate.Data.Engines;
using Migrate.Data.Sources;
using Migrate.Data.Tests.Support;

namespace Migrate.Data.Tests;

/// <summary>The engine registry: every scheme, the one env: reading and the messages it gives, and each engine's reader and target.</summary>
public sealed class DatabaseEnginesTests : IDisposable
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("sqlite", "sqlite")]
    [InlineData("postgres", "postgres")]
    [InlineData("postgresql", "postgres")]
    [InlineData("sqlserver", "sqlserver")]
    public void Each_scheme_finds_its_engine_with_its_dialect(string scheme, string name)
    {
        var engine = DatabaseEngines.Registry.Find(scheme).ShouldNotBeNull();
        engine.Name.ShouldBe(name);
        DatabaseEngines.Find(engine).ShouldNotBeNull().Dialect.Name.ShouldBe(name);
        DatabaseEngines.Dialect(scheme).Name.ShouldBe(name);
    }

    [Fact]
    public void Engines_are_listed_in_the_order_usage_texts_name_them_and_unknown_schemes_are_not_found()
    {
        DatabaseEngines.Names.ShouldBe(["sqlite", "postgres", "sqlserver"]);
        DatabaseEngines.Registry.Find("oracle").ShouldBeNull();
        DatabaseEngines.Registry.HasScheme("env:X").ShouldBeTrue();
        DatabaseEngines.Registry.HasScheme("main=sqlite:/a.db").ShouldBeFalse();
        Should.Throw<MigrateException>(() => DatabaseEngines.Dialect("oracle")).Message.ShouldBe("--dialect oracle: unknown dialect; use sqlite, postgres, sqlserver");
    }

    [Fact]
    public void A_target_read_through_env_shows_a_path_but_never_a_connection_string()
    {
        var environment = (string name) => name switch { "PG" => "postgresql:Host=db;Password=p4ss", "DB" => "sqlite:/data/t.db", _ => null };
        var postgres = TargetSpec.Parse("env:PG", environment, DatabaseEngines.Registry);
        postgres.Engine.ShouldBe(DatabaseEngines.Postgres);
        postgres.Connection.ShouldBe("Host=db;Password=p4ss");
        postgres.ToString().ShouldBe("postgres:(connection string hidden)");
        TargetSpec.Parse("env:DB", environment, DatabaseEngines.Registry).ToString().ShouldBe("sqlite:/data/t.db");
        TargetSpec.Parse("sqlserver:Server=x;Password=p4ss", NoEnvironment, DatabaseEngines.Registry).ToString().ShouldBe("sqlserver:(connection string hidden)");
    }

    [Theory]
    [InlineData("env:NOPE", "--target env:NOPE: the environment variable NOPE is not set")]
    [InlineData("env:LOOP", "--target env:LOOP: the variable must hold a target, not another env: reference")]
    [InlineData("oracle:User=x;Password=p4ss", "--target must be sqlite:PATH, sqlserver:CONNECTION-STRING, postgres:CONNECTION-STRING or env:VARIABLE")]
    [InlineData("postgres:", "--target must be sqlite:PATH, sqlserver:CONNECTION-STRING, postgres:CONNECTION-STRING or env:VARIABLE")]
    public void Target_errors_say_what_they_said_before_the_registry(string text, string message)
    {
        var e = Should.Throw<MigrateException>(() => TargetSpec.Parse(text, name => name == "LOOP" ? "env:NOPE" : null, DatabaseEngines.Registry));
        e.Kind.ShouldBe(FailureKind.Usage);
        e.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("tax", "env:LOOP", "--source-connection tax=env:LOOP: the variable must hold a connection, not another env: reference")]
    [InlineData("tax", "env:NOPE", "--source-connection tax=env:NOPE: the environment variable NOPE is not set")]
    [InlineData("tax", "db2:x", "--source-connection tax=: give sqlite:PATH, postgres:CONNECTION-STRING, sqlserver:CONNECTION-STRING or env:VARIABLE (optionally as NAME=… for a named connection)")]
    public void Source_connection_errors_say_what_they_said_before_the_registry(string? name, string text, string message) =>
        Should.Throw<MigrateException>(() => SourceConnection.Parse(name, text, n => n == "LOOP" ? "env:X" : null, DatabaseEngines.Registry)).Message.ShouldBe(message);

    [Fact]
    public async Task Each_engine_creates_its_own_target()
    {
        var path = _temp.Combine("t.db");
        await using (var sqlite = TargetFactory.Create(TargetSpec.Parse("sqlite:" + path, NoEnvironment, DatabaseEngines.Registry)))
            sqlite.Description.ShouldBe("sqlite:" + Path.GetFullPath(path));
        await using (var postgres = TargetFactory.Create(TargetSpec.Parse("postgres:Host=db;Password=p4ss", NoEnvironment, DatabaseEngines.Registry)))
            postgres.Description.ShouldBe("postgres:(connection string hidden)");
        await using var server = TargetFactory.Create(TargetSpec.Parse("sqlserver:Server=x;Password=p4ss", NoEnvironment, DatabaseEngines.Registry));
        server.Description.ShouldBe("sqlserver:(connection string hidden)");
    }

    [Fact]
    public async Task The_legacy_reader_quotes_identifiers_as_its_engines_dialect_does()
    {
        var path = _temp.Combine("legacy.db");
        await using (var create = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await create.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = create.CreateCommand();
            command.CommandText = "CREATE TABLE \"odd \"\"name\"\"\" (x TEXT); INSERT INTO \"odd \"\"name\"\"\" VALUES ('1');";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        var connection = SourceConnection.Parse(null, "sqlite:" + path, NoEnvironment, DatabaseEngines.Registry);
        await using var database = await DatabaseSourceReader.Instance.OpenAsync(connection, TestContext.Current.CancellationToken);
        var table = (await database.ListTablesAsync(null, TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        table.ShouldBe("odd \"name\"");
        database.Quote(table).ShouldBe(DatabaseEngines.Sqlite.Dialect.Quote(table));
        await using var reader = await database.ReadAsync($"SELECT x FROM {database.Quote(table)}", TestContext.Current.CancellationToken);
        (await reader.ReadAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
        reader.GetString(0).ShouldBe("1");
    }

    [Fact]
    public async Task A_legacy_connection_string_the_driver_refuses_names_only_the_engine() =>
        (await Should.ThrowAsync<MigrateException>(() => DatabaseSourceReader.Instance.OpenAsync(
            SourceConnection.Parse(null, "postgres:Nonsense Keyword=p4ss", NoEnvironment, DatabaseEngines.Registry), TestContext.Current.CancellationToken)))
            .Message.ShouldBe("--source-connection: the postgres connection string is not valid");

    public void Dispose() => _temp.Dispose();
}
