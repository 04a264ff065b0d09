using Migrate.Core.Diagnostics;
using Migrate.Core.Extract.Database;
using Migrate.Data.Engines;

namespace Migrate.Data.Sources;

/// <summary>Opens legacy databases for <c>format: database</c> sources with the engine their connection names (<see cref="DatabaseEngines"/>).</summary>
public sealed class DatabaseSourceReader : IDatabaseSourceReader
{
    public static DatabaseSourceReader Instance { get; } = new();

    public async Task<ILegacyDatabase> OpenAsync(SourceConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var engine = DatabaseEngines.Find(connection.Engine)
            ?? throw MigrateException.Usage($"{SourceConnection.Option}: the {connection.Driver} engine is not supported");
        LegacyDatabase database;
        try
        {
            database = engine.OpenSource(connection.ConnectionString);
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
