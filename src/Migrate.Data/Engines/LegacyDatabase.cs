using System.Data;
using System.Data.Common;
using Migrate.Core.Extract.Database;
using Migrate.Core.Load;

namespace Migrate.Data.Engines;

/// <summary>
/// The driver-neutral part of a legacy database: one open connection, queries streamed through a
/// data reader with no command timeout (a large table takes as long as it takes) and sequential
/// access (a wide row is not buffered whole). Commands live until the database is disposed, since a
/// reader needs its command. Identifiers are quoted by the engine's dialect, as its target quotes them.
/// </summary>
internal abstract class LegacyDatabase(DbConnection connection, SqlDialect dialect) : ILegacyDatabase
{
    private readonly List<DbCommand> _commands = [];

    protected DbConnection Connection { get; } = connection;

    public string Quote(string identifier) => dialect.Quote(identifier);

    public abstract Task<IReadOnlyList<string>> ListTablesAsync(string? schema, CancellationToken cancellationToken);

    public async Task OpenAsync(CancellationToken cancellationToken) => await Connection.OpenAsync(cancellationToken);

    public async Task<DbDataReader> ReadAsync(string sql, CancellationToken cancellationToken)
    {
        var command = Command(sql);
        return await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
    }

    /// <summary>Runs a query that returns one column of names (with an optional @schema parameter).</summary>
    protected async Task<IReadOnlyList<string>> NamesAsync(string sql, string? schema, CancellationToken cancellationToken)
    {
        var command = Command(sql);
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@schema";
        parameter.DbType = DbType.String;
        parameter.Value = (object?)schema ?? DBNull.Value;
        command.Parameters.Add(parameter);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) names.Add(reader.GetString(0));
        return names;
    }

    private DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is the mapping's query or built from quoted identifiers the database itself listed.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.CommandTimeout = 0;
        _commands.Add(command);
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands) await command.DisposeAsync();
        await Connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
