using Microsoft.Data.SqlClient;

namespace Migrate.Data.Engines.SqlServer;

/// <summary>A legacy SQL Server database; tables without a schema are looked up in the user's default schema (usually dbo).</summary>
internal sealed class SqlServerLegacyDatabase(SqlConnection connection, DatabaseEngine engine) : LegacyDatabase(connection, engine.Dialect)
{
    public override Task<IReadOnlyList<string>> ListTablesAsync(string? schema, CancellationToken cancellationToken) =>
        NamesAsync("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = COALESCE(@schema, SCHEMA_NAME()) AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
            schema, cancellationToken);
}
