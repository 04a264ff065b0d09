using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Extract.Database;
using Migrate.Core.Mapping;
using Migrate.Data.Engines;

namespace Migrate.Core.Tests.Extract;

public sealed class SourceConnectionsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private static SourceDefinition Source(string? connection) =>
        DatabaseFormat.Definition("s", ["a"], new SourcePosition("m.yaml", 3, 5),
            new DatabaseSourceSpec(connection, null, "t", null, [], [new SourcePosition("m.yaml", 4, 7)], new SourcePosition("m.yaml", 4, 5)));

    [Fact]
    public void One_unnamed_connection_serves_every_source_and_hides_its_text()
    {
        var connections = SourceConnections.Parse(["postgres:Host=db;Password=p4ss"], NoEnvironment, DatabaseEngines.Registry);
        var connection = connections.For(Source(null));
        connection.Engine.ShouldBe(DatabaseEngines.Postgres);
        connection.ToString().ShouldNotContain("p4ss");
        connections.For(Source("legacy")).ShouldBe(connection);
    }

    [Fact]
    public void Named_connections_are_chosen_by_the_source_and_env_is_followed()
    {
        var connections = SourceConnections.Parse(["main=sqlite:/data/a.db", "tax=env:TAX_DB"], name => name == "TAX_DB" ? "sqlserver:Server=x;Password=p4ss" : null, DatabaseEngines.Registry);
        connections.For(Source("tax")).Engine.ShouldBe(DatabaseEngines.SqlServer);
        connections.For(Source("main")).ConnectionString.ShouldBe("/data/a.db");
        Should.Throw<MigrateException>(() => connections.For(Source(null))).Message.ShouldContain("add 'connection: NAME'");
        Should.Throw<MigrateException>(() => connections.For(Source("other"))).Message.ShouldContain("m.yaml:3:5");
    }

    [Fact]
    public void Unknown_schemes_and_unset_variables_are_usage_errors_that_do_not_echo_the_text()
    {
        var e = Should.Throw<MigrateException>(() => SourceConnections.Parse(["oracle:User=x;Password=p4ss"], NoEnvironment, DatabaseEngines.Registry));
        e.Kind.ShouldBe(FailureKind.Usage);
        e.Message.ShouldNotContain("p4ss");
        Should.Throw<MigrateException>(() => SourceConnections.Parse(["env:NOPE"], NoEnvironment, DatabaseEngines.Registry)).Message
            .ShouldBe("--source-connection env:NOPE: the environment variable NOPE is not set");
        Should.Throw<MigrateException>(() => SourceConnections.Parse(["tax=env:NOPE"], NoEnvironment, DatabaseEngines.Registry)).Message
            .ShouldBe("--source-connection tax=env:NOPE: the environment variable NOPE is not set");
    }
}
