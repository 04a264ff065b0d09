using System.Data.Common;

namespace Migrate.Core.Extract.Database;

/// <summary>
/// An open legacy database, as the extract stage needs it. Implemented with the drivers in
/// Migrate.Data so that Core references no driver; Core builds the SQL and renders the values.
/// </summary>
public interface ILegacyDatabase : IAsyncDisposable
{
    /// <summary>The identifier quoted for this database's SQL (exactly as given: case and all).</summary>
    string Quote(string identifier);

    /// <summary>The base tables of <paramref name="schema"/>, or of the connection's default schema when null.</summary>
    Task<IReadOnlyList<string>> ListTablesAsync(string? schema, CancellationToken cancellationToken);

    /// <summary>Runs a query and streams its rows (the driver never buffers the whole result).</summary>
    Task<DbDataReader> ReadAsync(string sql, CancellationToken cancellationToken);
}
