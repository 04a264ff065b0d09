using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Data.Targets;

namespace Migrate.Data.Engines.SqlServer;

/// <summary>
/// SQL Server through SqlBulkCopy inside the load's transaction (KeepNulls, explicit column
/// mappings), fed by <see cref="MappedRowsDataReader"/>, which streams and pre-validates each row.
/// </summary>
public sealed class SqlServerTarget(string connectionString) : TransactionalTarget
{
    protected override SqlDialect Dialect { get; } = new SqlServerDialect();

    // The connection string may hold a password: it is never shown.
    public override string Description => "sqlserver:(connection string hidden)";

    protected override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        OpenServerAsync(() => new SqlConnection(connectionString), cancellationToken);

    // Two loads into the same database would race to create the tables; the second waits for the first.
    protected override Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "EXEC sp_getapplock @Resource = N'migrate-load', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = -1",
            transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));

    protected override async Task<long> WriteRowsAsync(DbConnection connection, DbTransaction transaction, string tableName, LoadInput input,
        long total, RowChecksum sent, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var bulk = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.KeepNulls | SqlBulkCopyOptions.TableLock, (SqlTransaction)transaction);
        BulkCopyColumns.Configure(bulk, Dialect, tableName, input.Table);
        var start = total;
        await using var rows = new MappedRowsDataReader(input, Dialect, n =>
        {
            if ((n & 0x3FFF) == 0) progress?.Report(start + n);
        });
        try
        {
            await bulk.WriteToServerAsync(rows, cancellationToken);
        }
        catch (Exception) when (rows.Failure is { } failure)
        {
            // SqlBulkCopy may wrap what our reader threw; report our own message (file, line, item).
            throw failure;
        }
        progress?.Report(start + rows.RowsRead);
        return start + rows.RowsRead;
    }

    protected override MigrateException? Translate(DbException exception, string? tableName)
    {
        if (exception is not SqlException e) return null;
        var table = tableName is null ? "" : $"table {tableName}: ";
        // SQL Server messages name constraints and columns; duplicate-key messages also quote the key, so they are not shown.
        return e.Number switch
        {
            2627 or 2601 => MigrateException.DataError($"{Description}: {table}two mapped rows share a key (error {e.Number}). Nothing was loaded.", e),
            515 or 8152 or 2628 or 4815 or 4816 => MigrateException.DataError($"{Description}: {table}a value does not fit its column (error {e.Number}). Nothing was loaded.", e),
            229 or 262 or 1088 => MigrateException.Environment($"{Description}: permission denied (error {e.Number}); the login needs CREATE TABLE and INSERT, DELETE, SELECT on the tables (nothing was changed)", e),
            _ => MigrateException.Environment($"{Description}: SQL Server error {e.Number}: {e.Message} (nothing was changed)", e),
        };
    }
}
