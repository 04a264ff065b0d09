using Microsoft.Data.SqlClient;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract.Database;
using Npgsql;

namespace Migrate.Data.Sources;

/// <summary>Opens legacy databases for <c>format: database</c> sources with the SQLite, Npgsql and SqlClient drivers.</summary>
public sealed class DatabaseSourceReader : IDatabaseSourceReader
{
    public static DatabaseSourceReader Instance { get; } = new();

    public async Task<ILegacyDatabase> OpenAsync(SourceConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        LegacyDatabase database;
        try
        {
            database = connection.Kind switch
            {
                DatabaseKind.Sqlite => SqliteLegacyDatabase.Create(connection.ConnectionString),
                DatabaseKind.Postgres => new PostgresLegacyDatabase(new NpgsqlConnection(connection.ConnectionString)),
                _ => new SqlServerLegacyDatabase(new SqlConnection(connection.ConnectionString)),
            };
        }
        catch (ArgumentException e)
        {
            // The driver's message may quote part of the connection string: say only which driver refused it.
            throw new MigrateException(FailureKind.Usage, $"{SourceConnection.Option}: the {connection.Driver} connection string is not valid", e);
        }
        try
        {
            await database.OpenAsync(cancellationToken);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }
}
