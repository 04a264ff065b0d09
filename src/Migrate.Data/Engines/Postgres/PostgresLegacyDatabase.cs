using Npgsql;

namespace Migrate.Data.Engines.Postgres;

/// <summary>A legacy PostgreSQL database; tables without a schema are looked up in the first schema of the search path.</summary>
internal sealed class PostgresLegacyDatabase(NpgsqlConnection connection, DatabaseEngine engine) : LegacyDatabase(connection, engine.Dialect)
{
    public override Task<IReadOnlyList<string>> ListTablesAsync(string? schema, CancellationToken cancellationToken) =>
        NamesAsync("SELECT table_name::text FROM information_schema.tables WHERE table_schema = COALESCE(@schema, current_schema()) AND table_type = 'BASE TABLE' ORDER BY table_name",
            schema, cancellationToken);
}
