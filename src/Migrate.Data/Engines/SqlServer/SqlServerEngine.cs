using Microsoft.Data.SqlClient;
using Migrate.Core.Load;
using Migrate.Data.Sources;

namespace Migrate.Data.Engines.SqlServer;

/// <summary>
/// SQL Server through SqlClient: <c>sqlserver:CONNECTION-STRING</c>, a target loaded by SqlBulkCopy and
/// a legacy source. The connection string may hold a password and is never shown.
/// </summary>
internal sealed class SqlServerEngine : DatabaseEngine
{
    public override string Name => "sqlserver";

    public override IReadOnlyList<string> Schemes { get; } = ["sqlserver"];

    public override bool ConnectionIsPath => false;

    public override SqlDialect Dialect { get; } = new SqlServerDialect();

    internal override LegacyDatabase OpenSource(string connectionString) => new SqlServerLegacyDatabase(new SqlConnection(connectionString), this);

    public override ITarget CreateTarget(string connection, ConnectionRetry retry) => new SqlServerTarget(connection) { Retry = retry };
}
