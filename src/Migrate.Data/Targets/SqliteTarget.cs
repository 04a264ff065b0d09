using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Data.Targets;

/// <summary>
/// The embedded default target. All tables load in one transaction with one prepared INSERT per
/// table, so a failed or interrupted load leaves the file as it was.
/// </summary>
public sealed class SqliteTarget : ITarget
{
    private readonly string _path;
    private readonly SqliteDialect _dialect = new();

    public SqliteTarget(string path) => _path = Path.GetFullPath(path);

    public string Description => "sqlite:" + _path;

    // Each load opens and closes its own connection; nothing is held between calls.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async Task<IReadOnlyList<TableLoad>> LoadAsync(StandardDefinition standard, IReadOnlyList<LoadInput> tables, LoadOptions options,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        var directory = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        if (!File.Exists(_path)) PrivateFiles.Create(_path).Dispose();

        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            // WAL + NORMAL sync: durable at commit, far fewer fsyncs than the default during a bulk load.
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await EnsureSchemaAsync(connection, transaction, standard);
            var results = new List<TableLoad>();
            long total = 0;
            foreach (var input in tables)
            {
                var name = SqlDialect.TableName(standard, input.Table);
                var existing = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {_dialect.Quote(name)}", transaction: transaction);
                if (existing > 0)
                {
                    if (!options.Replace)
                        throw MigrateException.DataError($"{Description}: table {name} already holds {existing} rows; give --replace to replace them (nothing was changed)");
                    await connection.ExecuteAsync($"DELETE FROM {_dialect.Quote(name)}", transaction: transaction);
                }
                var checksum = new RowChecksum();
                total = InsertRows(connection, transaction, name, input, checksum, total, progress, cancellationToken);
                var loaded = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {_dialect.Quote(name)}", transaction: transaction);
                results.Add(new TableLoad(input.Table.Id, loaded, checksum.Value));
            }
            await transaction.CommitAsync(cancellationToken);
            return results;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            // SQLITE_CONSTRAINT: the message names the table and key columns, never the values.
            throw MigrateException.DataError($"{Description}: {e.Message}; two mapped rows share a key or a required value is missing. Nothing was loaded.", e);
        }
        catch (SqliteException e)
        {
            throw MigrateException.Environment($"{Description}: SQLite error {e.SqliteErrorCode}: {e.Message}", e);
        }
    }

    private long InsertRows(SqliteConnection connection, SqliteTransaction transaction, string name, LoadInput input, RowChecksum checksum,
        long total, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var items = input.Table.Items;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {_dialect.Quote(name)} ({string.Join(", ", items.Select(i => _dialect.Quote(i.Id)))}) VALUES ({string.Join(", ", items.Select((_, n) => "$p" + n.ToString(CultureInfo.InvariantCulture)))})";
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
                    : numeric[i] ? long.Parse(value, CultureInfo.InvariantCulture)
                    : value;
            }
            command.ExecuteNonQuery();
            checksum.Add(row);
            total++;
            if ((total & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(total);
            }
        }
        progress?.Report(total);
        return total;
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, SqliteTransaction transaction, StandardDefinition standard)
    {
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS _migrate_schema_history (standard TEXT NOT NULL, version TEXT NOT NULL, ddl_sha256 TEXT NOT NULL, tool_version TEXT NOT NULL, applied_at TEXT NOT NULL)",
            transaction: transaction);
        var applied = (await connection.QueryAsync<(string Standard, string Version, string Ddl)>(
            "SELECT standard, version, ddl_sha256 FROM _migrate_schema_history WHERE standard = @id", new { id = standard.Id }, transaction)).ToList();
        var ddl = _dialect.CreateAll(standard);
        var ddlHash = FileHash.Sha256Text(ddl.ReplaceLineEndings("\n"));
        if (applied.Count > 0)
        {
            var last = applied[^1];
            if (last.Version != standard.Version || last.Ddl != ddlHash)
                throw MigrateException.DataError($"{Description}: the target holds standard {standard.Id} version {last.Version}, but this work directory is for version {standard.Version}; use a new target");
            return;
        }
        foreach (var table in standard.Tables)
            await connection.ExecuteAsync(_dialect.CreateTable(standard, table), transaction: transaction);
        await connection.ExecuteAsync(
            "INSERT INTO _migrate_schema_history (standard, version, ddl_sha256, tool_version, applied_at) VALUES (@s, @v, @d, @t, @a)",
            new { s = standard.Id, v = standard.Version, d = ddlHash, t = ToolInfo.Version, a = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
            transaction);
    }
}
