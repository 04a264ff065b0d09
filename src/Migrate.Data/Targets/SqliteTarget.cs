using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Data.Targets;

/// <summary>
/// The embedded default target: one prepared INSERT per table, all tables in one transaction, so a
/// failed or interrupted load leaves the file as it was.
/// </summary>
public sealed class SqliteTarget(string path) : TransactionalTarget
{
    private readonly string _path = Path.GetFullPath(path);

    protected override SqlDialect Dialect { get; } = new SqliteDialect();

    public override string Description => "sqlite:" + _path;

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        // The database holds personal data: create it owner-only before SQLite does.
        if (!File.Exists(_path)) PrivateFiles.Create(_path).Dispose();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            // WAL + NORMAL sync: durable at commit, far fewer fsyncs than the default during a bulk load.
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override Task<long> WriteRowsAsync(DbConnection connection, DbTransaction transaction, string tableName, LoadInput input,
        long total, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var items = input.Table.Items;
        using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
#pragma warning disable CA2100 // Identifiers come from the standard and are quoted; values go in parameters.
        command.CommandText = $"INSERT INTO {Dialect.Quote(tableName)} ({string.Join(", ", items.Select(i => Dialect.Quote(i.Id)))}) VALUES ({string.Join(", ", items.Select((_, n) => "$p" + n.ToString(CultureInfo.InvariantCulture)))})";
#pragma warning restore CA2100
        var parameters = items.Select((_, n) => command.Parameters.Add("$p" + n.ToString(CultureInfo.InvariantCulture), SqliteType.Text)).ToArray();
        var numeric = items.Select(i => i.Type is ItemType.Integer or ItemType.Flag).ToArray();
        command.Prepare();

        using var reader = new MappedFileReader(input.MappedFile, input.Table);
        while (reader.Read())
        {
            var row = reader.Row;
            for (var i = 0; i < parameters.Length; i++)
            {
                var value = row[i];
                parameters[i].SqliteType = numeric[i] ? SqliteType.Integer : SqliteType.Text;
                parameters[i].Value = value is null ? DBNull.Value
                    : numeric[i] ? ParseInteger(value, input, reader.Line, items[i])
                    : value;
            }
            // A volatile read per row: cheap beside the insert, and Ctrl+C stops the load at once.
            cancellationToken.ThrowIfCancellationRequested();
            command.ExecuteNonQuery();
            total++;
            if ((total & 0x3FFF) == 0) progress?.Report(total);
        }
        progress?.Report(total);
        return Task.FromResult(total);
    }

    private static long ParseInteger(string value, LoadInput input, long line, StandardItem item) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number
            : throw MigrateException.DataError($"{input.MappedFile}:{line.ToString(CultureInfo.InvariantCulture)}: {input.Table.Id}.{item.Label} is not a whole number; nothing was loaded. Run 'migrate map' again");

    protected override MigrateException? Translate(DbException exception, string? tableName) => exception switch
    {
        // SQLITE_CONSTRAINT: the message names the table and key columns, never the values.
        SqliteException { SqliteErrorCode: 19 } e => MigrateException.DataError($"{Description}: {e.Message}; two mapped rows share a key or a required value is missing. Nothing was loaded.", e),
        SqliteException e => MigrateException.Environment($"{Description}: SQLite error {e.SqliteErrorCode}: {e.Message} (nothing was changed)", e),
        _ => null,
    };
}
