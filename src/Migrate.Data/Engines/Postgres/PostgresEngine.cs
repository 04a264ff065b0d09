using Migrate.Core.Load;
using Migrate.Data.Sources;
using Npgsql;

namespace Migrate.Data.Engines.Postgres;

/// <summary>
/// PostgreSQL through Npgsql: <c>postgres:CONNECTION-STRING</c> (or <c>postgresql:</c>), a target
/// loaded by binary COPY and a legacy source. The connection string may hold a password and is never shown.
/// </summary>
internal sealed class PostgresEngine : DatabaseEngine
{
    public override string Name => "postgres";

    public override IReadOnlyList<string> Schemes { get; } = ["postgres", "postgresql"];

    public override bool ConnectionIsPath => false;

    public override SqlDialect Dialect { get; } = new PostgresDialect();

    internal override LegacyDatabase OpenSource(string connectionString) => new PostgresLegacyDatabase(new NpgsqlConnection(connectionString), this);

    public override ITarget CreateTarget(string connection, ConnectionRetry retry) => new PostgresTarget(connection) { Retry = retry };
}
