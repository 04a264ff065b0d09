using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Manifests;
using Migrate.Core.Standard;
using Migrate.Core.Text;
using Migrate.Core.Work;
using Migrate.Data.Targets;
using Npgsql;

namespace Migrate.Data.Engines.Postgres;

/// <summary>
/// PostgreSQL through COPY (binary, or CSV into a table whose column types are not our DDL's), all
/// tables in one transaction, each verified by the server's hash of its rows (or, when that cannot
/// be used or differs, a binary COPY of every row back). The tables go into the
/// first schema of the connection's search path, so one server can hold many targets
/// (<c>Search Path=city_131016</c>).
/// </summary>
public sealed partial class PostgresTarget(string connectionString) : TransactionalTarget
{
    protected override SqlDialect Dialect { get; } = new PostgresDialect();

    // The hashes of the rows this load sent to each table, for VerifyTableAsync.
    private readonly Dictionary<string, PostgresRowHash> _sent = new(StringComparer.Ordinal);

    // The connection string may hold a password: it is never shown.
    public override string Description => "postgres:(connection string hidden)";

    protected override Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        OpenServerAsync(() => new NpgsqlConnection(PostgresCopyConnection.WithRoomForWrites(connectionString)), cancellationToken);

    // Two loads into the same schema would race to create the tables; the second waits for the first.
    protected override Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext('migrate:' || current_schema()))", transaction: transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// TRUNCATE, which PostgreSQL undoes with the transaction like any other change: the table gets new
    /// empty files, so the COPY that follows and its verification meet no dead rows (a 1M --replace load
    /// took 21-23 s after a DELETE, 12 s into an empty table). TRUNCATE needs its own privilege and
    /// refuses a table another one references; then DELETE, as before.
    /// </summary>
    protected override async Task ClearTableAsync(DbConnection connection, DbTransaction transaction, string quotedTable, CancellationToken cancellationToken)
    {
        var truncated = await UnderSavepointAsync((NpgsqlTransaction)transaction, "migrate_clear", async () =>
            {
                await connection.ExecuteAsync(new CommandDefinition($"TRUNCATE TABLE {quotedTable}", transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
                return true;
            },
            e => e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.FeatureNotSupported, cancellationToken);
        if (truncated is null) await base.ClearTableAsync(connection, transaction, quotedTable, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> under a savepoint: a server error that <paramref name="recoverable"/>
    /// accepts undoes only the work and gives null, and the load's transaction goes on.
    /// </summary>
    private static async Task<T?> UnderSavepointAsync<T>(NpgsqlTransaction transaction, string savepoint, Func<Task<T>> work,
        Func<PostgresException, bool> recoverable, CancellationToken cancellationToken) where T : struct
    {
        await transaction.SaveAsync(savepoint, cancellationToken);
        try
        {
            var result = await work();
            await transaction.ReleaseAsync(savepoint, cancellationToken);
            return result;
        }
        catch (PostgresException e) when (recoverable(e))
        {
            await transaction.RollbackAsync(savepoint, cancellationToken);
            return null;
        }
    }

    /// <summary>
    /// COPY fed the mapped file's records as they are written, after each record has been checked
    /// against its columns here: a server's COPY error could quote a value, ours names the mapped
    /// file's line and the item. Binary COPY when the table's columns have the types our DDL gives
    /// (<see cref="PostgresBinaryCopy"/>: the server then spends a quarter less time per row), else
    /// CSV as psql's \copy sends it, with FORCE_NULL so that quoted empty fields are NULL too, as
    /// they are in every mapped-file reader.
    /// </summary>
    protected override async Task<long> WriteRowsAsync(DbConnection connection, DbTransaction transaction, string tableName, LoadInput input,
        long total, RowChecksum sent, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        var types = input.Table.Items.Select(i => i.Type).ToArray();
        var columns = string.Join(", ", input.Table.Items.Select(i => Dialect.Quote(i.Id)));
        var actual = await ColumnsAsync(connection, transaction, tableName, cancellationToken);
        var binary = PostgresBinaryCopy.For(input.Table, actual.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal));
        var converter = new LoadValueConverter(input.Table, Dialect, input.MappedFile);
        var hash = new PostgresRowHash(types);
        _sent[input.Table.Id] = hash;
        using var reader = MappedRecordReader.Open(input);
        var (stream, copy, abandon) = binary is null
            ? await BeginCsvAsync(npgsql, $"COPY {Dialect.Quote(tableName)} ({columns}) FROM STDIN (FORMAT csv, FORCE_NULL ({columns}))", cancellationToken)
            : await BeginBinaryAsync(npgsql, $"COPY {Dialect.Quote(tableName)} ({columns}) FROM STDIN (FORMAT binary)", cancellationToken);
        await using (copy)
        {
            try
            {
                var buffer = new PostgresCopyBuffer(binary, converter, sent, hash, types);
                while (reader.Read())
                {
                    while (!buffer.TryAdd(reader)) await WriteAsync(stream, buffer, cancellationToken);
                    total++;
                    if ((total & 0x3FF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if ((total & 0x3FFF) == 0) progress?.Report(total);
                    }
                }
                while (!buffer.TryEnd()) await WriteAsync(stream, buffer, cancellationToken);
                await WriteAsync(stream, buffer, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
            }
            catch (Exception e) when (e is not DbException)
            {
                // A record refused here (or a cancellation) must not end the COPY as if it were complete:
                // a binary COPY cut short would fail with the server's error instead of ours.
                try
                {
                    await abandon();
                }
                catch (Exception failed) when (failed is DbException or IOException)
                {
                    // The load fails and rolls back either way; the first error is the one to report.
                }
                throw;
            }
        }
        progress?.Report(total);
        return total;
    }

    private static async Task<(Stream, IAsyncDisposable, Func<Task>)> BeginCsvAsync(NpgsqlConnection connection, string copy, CancellationToken cancellationToken)
    {
        var writer = await connection.BeginTextImportAsync(copy, cancellationToken);
        writer.Timeout = 0;
        // Bytes go to the writer's stream, never through its chars.
        return (writer.BaseStream, writer, writer.CancelAsync);
    }

    private static async Task<(Stream, IAsyncDisposable, Func<Task>)> BeginBinaryAsync(NpgsqlConnection connection, string copy, CancellationToken cancellationToken)
    {
        var stream = await connection.BeginRawBinaryCopyAsync(copy, cancellationToken);
        stream.WriteTimeout = 0;
        return (stream, stream, stream.CancelAsync);
    }

    private static async Task WriteAsync(Stream stream, PostgresCopyBuffer buffer, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(buffer.Pending, cancellationToken);
        buffer.Clear();
    }

    /// <summary>The table's columns in order, with their pg_type names; empty when it does not exist.</summary>
    private async Task<IReadOnlyList<(string Name, string Type)>> ColumnsAsync(DbConnection connection, DbTransaction transaction, string tableName,
        CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<(string Name, string Type)>(new CommandDefinition(
            "SELECT a.attname::text, t.typname::text FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid " +
            "WHERE a.attrelid = to_regclass(@name) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
            new { name = Dialect.Quote(tableName) }, transaction, cancellationToken: cancellationToken))];

    /// <summary>
    /// Has the server hash every row of the table (<see cref="PostgresRowHash.Query"/>; its bit_xor needs
    /// PostgreSQL 14 or later) and compares the count, sum and XOR with those of the rows sent (<see cref="PostgresRowHash"/>):
    /// equal, the table holds exactly the rows sent, without sending them back (the read-back took the
    /// server twice as long, after the last row, and as long again on this side). Anything else (an
    /// older server, a decimal column, a difference, a table the query cannot hash) falls back to
    /// reading every row back, which then names what differs; a savepoint keeps a failed query from
    /// aborting the load's transaction.
    /// </summary>
    protected override async Task<TableLoad> VerifyTableAsync(DbConnection connection, DbTransaction transaction, StandardDefinition standard, StandardTable table,
        TableLoad sent, CancellationToken cancellationToken)
    {
        if (_sent.Remove(table.Id, out var written) && written.Usable && written.Rows == sent.Loaded
            && ((NpgsqlConnection)connection).PostgreSqlVersion.Major >= 14
            && await ServerHashMatchesAsync((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, SqlDialect.TableName(standard, table), table, written, cancellationToken))
            return sent;
        return await ReadTableAsync(connection, transaction, standard, table, cancellationToken);
    }

    private async Task<bool> ServerHashMatchesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tableName, StandardTable table,
        PostgresRowHash hash, CancellationToken cancellationToken)
    {
        var sql = hash.Query(table, Dialect, Dialect.Quote(tableName));
        return await UnderSavepointAsync(transaction, "migrate_verify", async () =>
            {
                // One expression per column over every row: where the server compiles it (JIT, large
                // tables only), optimizing the code pays (1.76 s -> 1.48 s for 1.95M rows). Until the
                // transaction ends; a server without JIT ignores it.
                await using (var jit = new NpgsqlCommand("SET LOCAL jit_optimize_above_cost = 0", connection, transaction))
                    await jit.ExecuteNonQueryAsync(cancellationToken);
                await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                return reader.GetInt64(0) == hash.Rows
                    && reader.GetString(1) == hash.Sum.ToString(CultureInfo.InvariantCulture)
                    && reader.GetInt64(2) == hash.Xor
                    && reader.GetInt64(3) == 0;
            },
            _ => !cancellationToken.IsCancellationRequested, cancellationToken) ?? false;
    }

    /// <summary>
    /// Reads a table back with a binary COPY of a SELECT and checksums the values as the server
    /// returns them: text as its UTF-8 bytes, integers in decimal, dates as YYYY-MM-DD, numerics
    /// through their text (canonicalized like the mapped values), without a string per value.
    /// </summary>
    protected override async Task<TableLoad> ReadTableAsync(DbConnection connection, DbTransaction transaction, StandardDefinition standard, StandardTable table,
        CancellationToken cancellationToken)
    {
        var types = table.Items.Select(i => i.Type).ToArray();
        var select = string.Join(", ", table.Items.Select(i => i.Type == ItemType.Decimal ? Dialect.Quote(i.Id) + "::text" : Dialect.Quote(i.Id)));
        var sql = $"COPY (SELECT {select} FROM {Dialect.Quote(SqlDialect.TableName(standard, table))}) TO STDOUT (FORMAT BINARY)";
        var checksum = new RowChecksum();
        await using (var stream = await ((NpgsqlConnection)connection).BeginRawBinaryCopyAsync(sql, cancellationToken))
        {
            stream.ReadTimeout = 0;
            var copy = new BinaryCopyReader(stream);
            copy.ReadHeader();
            Span<byte> text = stackalloc byte[24];
            while (copy.NextRow() is var fields && fields >= 0)
            {
                if (fields != types.Length) throw new InvalidDataException($"COPY returned {fields} fields, expected {types.Length}");
                for (var i = 0; i < types.Length; i++)
                {
                    var value = copy.NextField(out var isNull);
                    if (isNull)
                    {
                        checksum.AddNull();
                        continue;
                    }
                    switch (types[i])
                    {
                        case ItemType.Integer or ItemType.Flag:
                            var number = value.Length switch
                            {
                                2 => BinaryPrimitives.ReadInt16BigEndian(value),
                                4 => BinaryPrimitives.ReadInt32BigEndian(value),
                                _ => BinaryPrimitives.ReadInt64BigEndian(value),
                            };
                            number.TryFormat(text, out var digits, default, CultureInfo.InvariantCulture);
                            checksum.AddField(text[..digits]);
                            break;
                        case ItemType.Date:
                            // Days since 2000-01-01. ±infinity and dates past 9999 cannot come from a mapped file: kept as a number, they match nothing.
                            var day = PostgresDate.DayNumber(BinaryPrimitives.ReadInt32BigEndian(value));
                            if (day >= 0 && day <= DateOnly.MaxValue.DayNumber)
                            {
                                checksum.AddField(IsoDate.Utf8(DateOnly.FromDayNumber((int)day), text));
                            }
                            else checksum.AddField("day " + day.ToString(CultureInfo.InvariantCulture));
                            break;
                        case ItemType.Decimal:
                            checksum.AddField(CanonicalValue.FromMapped(ItemType.Decimal, Encoding.UTF8.GetString(value))!);
                            break;
                        default:
                            checksum.AddField(value);
                            break;
                    }
                }
                checksum.EndRow();
                if ((checksum.Rows & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            }
            copy.ReadToEnd();
        }
        return new TableLoad(table.Id, checksum.Rows, checksum.Value);
    }

    protected override MigrateException? Translate(DbException exception, string? tableName)
    {
        if (exception is not PostgresException e) return null;
        // The message text names the constraint, never a value; e.Detail and e.Where can hold values, so only the row number is taken.
        var row = e.Where is { } where && CopyLine().Match(where) is { Success: true } match ? $" at data row {match.Groups[1].Value} of the mapped file" : "";
        var table = tableName is null ? "" : $"table {tableName}{row}: ";
        return e.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => MigrateException.DataError($"{Description}: {table}{e.MessageText}; two mapped rows share a key. Nothing was loaded.", e),
            PostgresErrorCodes.NotNullViolation or PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.NumericValueOutOfRange
                or PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter
                => MigrateException.DataError($"{Description}: {table}{e.MessageText} (SQLSTATE {e.SqlState}). Nothing was loaded.", e),
            PostgresErrorCodes.InsufficientPrivilege => MigrateException.Environment($"{Description}: {e.MessageText}; the user needs CREATE on the schema and INSERT, DELETE, SELECT on the tables (nothing was changed)", e),
            _ => MigrateException.Environment($"{Description}: PostgreSQL error {e.SqlState}: {e.MessageText} (nothing was changed)", e),
        };
    }

    [GeneratedRegex(@"\bline (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex CopyLine();
}
