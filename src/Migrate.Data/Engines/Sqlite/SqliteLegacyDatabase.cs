using Microsoft.Data.Sqlite;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract.Database;

namespace Migrate.Data.Engines.Sqlite;

/// <summary>
/// A legacy SQLite file, opened read-only (a migration never writes to its source). <c>sqlite:PATH</c>
/// or <c>sqlite:</c> followed by a connection string (anything with '=').
/// </summary>
internal sealed class SqliteLegacyDatabase(SqliteConnection connection, DatabaseEngine engine) : LegacyDatabase(connection, engine.Dialect)
{
    public static SqliteLegacyDatabase Create(string text, DatabaseEngine engine)
    {
        SqliteThreading.UseMultiThreadMode();
        var builder = text.Contains('=', StringComparison.Ordinal) ? new SqliteConnectionStringBuilder(text) : new SqliteConnectionStringBuilder { DataSource = text };
        builder.Mode = SqliteOpenMode.ReadOnly;
        builder.Pooling = false;
        // The path is part of what was given and stays unprinted like any connection string.
        if (builder.DataSource != ":memory:" && !File.Exists(builder.DataSource))
            throw MigrateException.Usage($"{SourceConnection.Option}: the SQLite database file was not found");
        return new SqliteLegacyDatabase(new SqliteConnection(builder.ConnectionString), engine);
    }

    public override Task<IReadOnlyList<string>> ListTablesAsync(string? schema, CancellationToken cancellationToken) =>
        NamesAsync($"SELECT name FROM {Quote(schema ?? "main")}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", schema, cancellationToken);
}
