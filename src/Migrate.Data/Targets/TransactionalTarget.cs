using System.Data.Common;
using System.Globalization;
using Dapper;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Manifests;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Data.Targets;

/// <summary>
/// The load every database target performs, the same way on each: one transaction around the
/// schema history, the DDL of a new target, the refusal of non-empty tables (or their deletion
/// with --replace), the bulk write, and the verification of every table (read back, or hashed by
/// the server where it can prove the same), compared with the mapped files before commit. Any failure or cancellation rolls back: the target is left as it was.
/// Subclasses supply the connection and the dialect's fastest bulk write.
/// </summary>
public abstract class TransactionalTarget : ITarget
{
    protected abstract SqlDialect Dialect { get; }

    public abstract string Description { get; }

    // Each load opens and closes its own connection; nothing is held between calls.
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates and opens a server connection. A malformed connection string becomes a usage error
    /// that does not repeat it (the driver's message may quote it, password included), and a
    /// connection that fails to open is disposed.
    /// </summary>
    protected async Task<DbConnection> OpenServerAsync(Func<DbConnection> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(create);
        for (var attempt = 1; ; attempt++)
        {
            DbConnection connection;
            try
            {
                connection = create();
            }
            catch (ArgumentException e)
            {
                throw new MigrateException(FailureKind.Usage, $"{Description}: the connection string is not valid ({e.GetType().Name}); check its keywords", e);
            }
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (DbException e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                await connection.DisposeAsync();
                if (attempt >= Retry.Attempts)
                    throw MigrateException.Environment($"{Description}: could not connect after {attempt} attempt(s) ({Reason(e)}); check that the server is up and reachable", e);
                var delay = Retry.DelayAfter(attempt);
                Retry.Notice?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"{Description}: could not connect ({Reason(e)}); retrying in {delay.TotalSeconds:0.#} s (attempt {attempt + 1} of {Retry.Attempts})"));
                await Task.Delay(delay, cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>How often and how patiently a server connection is established (<see cref="ConnectionRetry"/>).</summary>
    public ConnectionRetry Retry { get; init; } = ConnectionRetry.Default;

    /// <summary>A failure that may pass (refused, reset, timed out), not a wrong password or database name.</summary>
    private static bool IsTransient(DbException e) =>
        e.IsTransient || e.InnerException is System.Net.Sockets.SocketException or TimeoutException or IOException;

    /// <summary>Why, without the driver's message (it may name the host or the user).</summary>
    private static string Reason(DbException e) =>
        e.InnerException is System.Net.Sockets.SocketException s ? s.SocketErrorCode.ToString() : e.InnerException is TimeoutException ? "timed out" : "transient error";

    /// <summary>Serializes loads into the same target (two concurrent first loads must not both create tables).</summary>
    protected virtual Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Empties a table for --replace, inside the load's transaction. DELETE unless the dialect has better.</summary>
    protected virtual Task ClearTableAsync(DbConnection connection, DbTransaction transaction, string quotedTable, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition($"DELETE FROM {quotedTable}", transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));

    /// <summary>
    /// Writes every row of the mapped file into the (empty) table; returns the running total for
    /// progress. A writer that reads the file with <see cref="MappedRecordReader"/> adds each record
    /// it sends to <paramref name="sent"/> (<see cref="MappedChecksum.AddRow"/>), sparing a second
    /// pass over the file; one that leaves it empty gets <see cref="MappedChecksum.Compute"/> instead.
    /// </summary>
    protected abstract Task<long> WriteRowsAsync(DbConnection connection, DbTransaction transaction, string tableName, LoadInput input,
        long total, RowChecksum sent, IProgress<long>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Row count and checksum of one table as stored, read inside the transaction. The default reads
    /// through ADO.NET; targets override it with their driver's fastest way to read every row.
    /// </summary>
    protected virtual Task<TableLoad> ReadTableAsync(DbConnection connection, DbTransaction transaction, StandardDefinition standard, StandardTable table,
        CancellationToken cancellationToken) =>
        TableReadBack.ReadAsync(connection, transaction, Dialect, standard, table, cancellationToken);

    /// <summary>
    /// What one table holds after its rows were written, inside the transaction, for comparison with
    /// <paramref name="sent"/>. The default reads every row back (<see cref="ReadTableAsync"/>); a target
    /// whose server can prove it holds exactly the rows sent may return <paramref name="sent"/> instead.
    /// </summary>
    protected virtual Task<TableLoad> VerifyTableAsync(DbConnection connection, DbTransaction transaction, StandardDefinition standard, StandardTable table,
        TableLoad sent, CancellationToken cancellationToken) =>
        ReadTableAsync(connection, transaction, standard, table, cancellationToken);

    /// <summary>The user-facing failure for a driver error, or null for a plain database (environment) error.</summary>
    protected abstract MigrateException? Translate(DbException exception, string? tableName);

    public async Task<IReadOnlyList<TableLoad>> LoadAsync(StandardDefinition standard, IReadOnlyList<LoadInput> tables, LoadOptions options,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var prepared = await PrepareLoadAsync(standard, tables, options, progress, cancellationToken);
        await prepared.CommitAsync(cancellationToken);
        return prepared.Tables;
    }

    public async Task<IPreparedLoad> PrepareLoadAsync(StandardDefinition standard, IReadOnlyList<LoadInput> tables, LoadOptions options,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        LoadStarting();
        var prepared = false;
        string? current = null;
        DbConnection? connection = null;
        DbTransaction? transaction = null;
        try
        {
            connection = await OpenAsync(cancellationToken);
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            await LockAsync(connection, transaction, cancellationToken);
            await SchemaHistory.EnsureAsync(connection, transaction, Dialect, standard, Description, cancellationToken);
            long total = 0;
            var sent = new List<TableLoad>();
            foreach (var input in tables)
            {
                current = SqlDialect.TableName(standard, input.Table);
                var quoted = Dialect.Quote(current);
                var existing = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {quoted}", transaction: transaction, cancellationToken: cancellationToken));
                if (existing > 0)
                {
                    if (!options.Replace)
                        throw MigrateException.DataError($"{Description}: table {current} already holds {existing} rows; give --replace to replace them (nothing was changed)");
                    await ClearTableAsync(connection, transaction, quoted, cancellationToken);
                }
                var before = total;
                var checksum = new RowChecksum();
                total = await WriteRowsAsync(connection, transaction, current, input, total, checksum, progress, cancellationToken);
                sent.Add(checksum.Rows == total - before ? new TableLoad(input.Table.Id, checksum.Rows, checksum.Value) : MappedChecksum.Compute(input, cancellationToken));
            }
            current = null;

            var results = new List<TableLoad>();
            for (var i = 0; i < tables.Count; i++)
                results.Add(await VerifyTableAsync(connection, transaction, standard, tables[i].Table, sent[i], cancellationToken));
            // What the tables hold must equal what the mapped files hold: as read while sending them,
            // and as the caller computed beforehand when it did.
            var differences = TableComparison.Differences(sent, results)
                .Concat(TableComparison.Differences(tables.Where(t => t.Expected is not null).Select(t => t.Expected!), results))
                .Distinct().ToList();
            if (differences.Count > 0)
                throw MigrateException.DataError($"{Description}: after loading, the tables do not hold the mapped rows, so nothing was committed: {string.Join("; ", differences)}");

            prepared = true;
            return new PreparedLoad(this, connection, transaction, results);
        }
        catch (DbException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw LoadFailure(e, current);
        }
        finally
        {
            // A failure at any point, opening included (a new SQLite file exists by then), ends the load here.
            if (!prepared) await EndAsync(connection, transaction, committed: false);
        }
    }

    /// <summary>A driver error during a load (<paramref name="tableName"/> being written, if any): nothing was committed.</summary>
    private MigrateException LoadFailure(DbException e, string? tableName) =>
        Translate(e, tableName) ?? MigrateException.Environment($"{Description}: database error: {e.Message} (nothing was changed)", e);

    /// <summary>Called as a load starts, before the target is opened.</summary>
    protected virtual void LoadStarting()
    {
    }

    /// <summary>Called once a load is over, its transaction committed or rolled back and its connection closed.</summary>
    protected virtual void LoadEnded(bool committed)
    {
    }

    /// <summary>Rolls back what is not committed, closes the connection and tells <see cref="LoadEnded"/>.</summary>
    private async Task EndAsync(DbConnection? connection, DbTransaction? transaction, bool committed)
    {
        try
        {
            if (transaction is not null) await transaction.DisposeAsync();
            if (connection is not null) await connection.DisposeAsync();
        }
        finally
        {
            LoadEnded(committed);
        }
    }

    /// <summary>A load between its verification and its commit: the connection and transaction it holds are the target's.</summary>
    private sealed class PreparedLoad(TransactionalTarget target, DbConnection connection, DbTransaction transaction, IReadOnlyList<TableLoad> tables) : IPreparedLoad
    {
        private bool _committed;
        private bool _ended;

        public IReadOnlyList<TableLoad> Tables => tables;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_ended, this);
            // The last moment a cancellation can stop the load; after this the commit is all or nothing.
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await transaction.CommitAsync(CancellationToken.None);
            }
            catch (DbException e)
            {
                throw target.LoadFailure(e, null);
            }
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (_ended) return;
            _ended = true;
            await target.EndAsync(connection, transaction, _committed);
        }
    }

    /// <summary>Opens the target to read it only (<c>verify</c>, <c>load --resume</c>'s check); the default is <see cref="OpenAsync"/>.</summary>
    protected virtual Task<DbConnection> OpenForReadAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>A transaction in which every table is read from the same state of the target.</summary>
    protected virtual async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
    }

    /// <summary>Whether the target exists at all; reading a target that does not must not create it.</summary>
    protected virtual bool Exists => true;

    public async Task<(string Table, long Rows)?> FirstNonEmptyAsync(StandardDefinition standard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standard);
        if (!Exists) return null;
        try
        {
            await using var connection = await OpenForReadAsync(cancellationToken);
            await using var transaction = await BeginReadAsync(connection, cancellationToken);
            if (!await SchemaHistory.HoldsAsync(connection, transaction, Dialect, standard, Description, cancellationToken)) return null;
            foreach (var table in standard.Tables)
            {
                var name = SqlDialect.TableName(standard, table);
                if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(Dialect.TableExistsQuery, new { name }, transaction, cancellationToken: cancellationToken)) == 0) continue;
                var rows = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM {Dialect.Quote(name)}", transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
                if (rows > 0) return (name, rows);
            }
            return null;
        }
        catch (DbException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Translate(e, null) ?? MigrateException.Environment($"{Description}: database error: {e.Message}", e);
        }
    }

    public async Task<IReadOnlyList<TableLoad>?> ReadBackAsync(StandardDefinition standard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standard);
        if (!Exists) return null;
        try
        {
            await using var connection = await OpenForReadAsync(cancellationToken);
            // One transaction so every table is read from the same state of the target.
            await using var transaction = await BeginReadAsync(connection, cancellationToken);
            if (!await SchemaHistory.HoldsAsync(connection, transaction, Dialect, standard, Description, cancellationToken)) return null;
            var results = new List<TableLoad>();
            foreach (var table in standard.Tables)
            {
                var name = SqlDialect.TableName(standard, table);
                var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Dialect.TableExistsQuery, new { name }, transaction, cancellationToken: cancellationToken));
                if (exists == 0) throw MigrateException.DataError($"{Description}: table {name} of standard {standard.Id} is missing although the schema history says it was created");
                results.Add(await ReadTableAsync(connection, transaction, standard, table, cancellationToken));
            }
            await transaction.RollbackAsync(CancellationToken.None);
            return results;
        }
        catch (DbException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Translate(e, null) ?? MigrateException.Environment($"{Description}: database error: {e.Message}", e);
        }
    }
}
