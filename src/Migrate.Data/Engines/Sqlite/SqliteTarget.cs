using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Manifests;
using Migrate.Core.Standard;
using Migrate.Core.Work;
using Migrate.Data.Targets;
using SQLitePCL;

namespace Migrate.Data.Engines.Sqlite;

/// <summary>
/// The embedded default target: one prepared INSERT per table, stepped through SQLite's own API, all tables in one transaction, so a
/// failed or interrupted load leaves the file as it was.
/// </summary>
public sealed class SqliteTarget(string path) : TransactionalTarget
{
    private readonly string _path = Path.GetFullPath(path);

    /// <summary>Per table of the load in progress, its rows as read back while they were written (see <see cref="WriteRowsAsync"/>).</summary>
    private readonly Dictionary<string, TableLoad> _readWhileWriting = new(StringComparer.Ordinal);

    /// <summary>Rows written between two read-backs of what was just written.</summary>
    private const int ReadBackEvery = 8192;

    static SqliteTarget() => SqliteThreading.UseMultiThreadMode();

    protected override SqlDialect Dialect { get; } = new SqliteDialect();

    public override string Description => "sqlite:" + _path;

    /// <summary>Whether the database file existed when the load in progress started.</summary>
    private bool _existedBeforeLoad;

    protected override void LoadStarting()
    {
        _existedBeforeLoad = File.Exists(_path);
        _readWhileWriting.Clear();
    }

    /// <summary>
    /// Rolled back like every target; and a database file this load created is removed again, so a
    /// refused or failed load into a new file leaves nothing behind (as a load refused before it
    /// started would), not an empty database.
    /// </summary>
    protected override void LoadEnded(bool committed)
    {
        _readWhileWriting.Clear();
        if (committed || _existedBeforeLoad) return;
        foreach (var file in new[] { _path, _path + "-journal", _path + "-wal", _path + "-shm" })
            if (File.Exists(file)) File.Delete(file);
    }

    protected override bool Exists => File.Exists(_path);

    // Deferred: a read-only connection cannot take the write lock BEGIN IMMEDIATE asks for.
    protected override Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    /// <summary>Read-only: <c>verify</c> and the checks before a load neither create nor change the file.</summary>
    protected override async Task<DbConnection> OpenForReadAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

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
            // A rollback journal with full sync (SQLite's defaults): atomic and durable at commit. A load
            // into new tables journals almost nothing, whereas WAL would write every page twice (into
            // the WAL, then the checkpoint): 1M persons load ~15% faster. A database another connection
            // holds open in WAL mode stays in WAL (the pragma then changes nothing), which is as safe.
            await connection.ExecuteAsync("PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // SQLitePCL's own result codes (sqlite3.h).
    private const int SqliteRow = 100;
    private const int SqliteDone = 101;
    private const int SqliteInteger = 1;
    private const int SqliteFloat = 2;
    private const int SqliteText = 3;
    private const int SqliteNull = 5;

    /// <summary>
    /// One prepared INSERT stepped per row through SQLite's own API (as the sqlite3 shell's .import
    /// does): each value is bound as the UTF-8 bytes read from the mapped file, integers as 64-bit
    /// integers, without a string or a boxed value per field.
    /// </summary>
    /// <remarks>
    /// Every <see cref="ReadBackEvery"/> rows, the rows just written are read back (by rowid, still
    /// in SQLite's page cache), so the read-back before commit is not all left until after the last
    /// row, where nothing else can run beside it (it was 3 of the 18 s of a 1M-person run). This is
    /// as strong as reading the tables at the end only while nothing can change a row after it was
    /// read: <see cref="ReadTableAsync"/> uses these results only when the database has no trigger
    /// and the table holds exactly the rows read; otherwise it reads the whole table again.
    /// </remarks>
    protected override Task<long> WriteRowsAsync(DbConnection connection, DbTransaction transaction, string tableName, LoadInput input,
        long total, RowChecksum sent, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var items = input.Table.Items;
        var db = ((SqliteConnection)connection).Handle!;
        var sql = $"INSERT INTO {Dialect.Quote(tableName)} ({string.Join(", ", items.Select(i => Dialect.Quote(i.Id)))}) VALUES ({string.Join(", ", items.Select((_, n) => "?" + (n + 1).ToString(CultureInfo.InvariantCulture)))})";
        var numeric = items.Select(i => i.Type is ItemType.Integer or ItemType.Flag).ToArray();
        var types = items.Select(i => i.Type).ToArray();
        using var statement = Prepare(db, sql);
        using var reader = MappedRecordReader.Open(input);
        using var readBack = SqliteWholeRows.Supported(input.Table) ? new SqliteWholeRows(db, Dialect, tableName, input.Table, byRowid: true) : null;
        var read = new RowChecksum();
        // The table is empty here (new, or emptied with --replace): every row it will hold is one of ours.
        var readUpTo = long.MinValue;
        var unread = 0L;
        var readingBack = readBack is not null;
        while (reader.Read())
        {
            for (var i = 0; i < numeric.Length; i++)
            {
                var value = reader.Field(i);
                var rc = value.IsEmpty ? SqliteNative.BindNull(statement, i + 1)
                    : numeric[i] ? SqliteNative.BindInt64(statement, i + 1, ParseInteger(value, input, reader.Line, items[i]))
                    : SqliteNative.BindText(statement, i + 1, value);
                if (rc != raw.SQLITE_OK) throw Error(db, rc);
            }
            var step = SqliteNative.Step(statement);
            // The message is taken before the reset, which may replace it.
            var failure = step == SqliteDone ? null : Error(db, step);
            SqliteNative.Reset(statement);
            if (failure is not null) throw failure;
            MappedChecksum.AddRow(sent, reader, types);
            total++;
            if (readingBack && ++unread == ReadBackEvery) readingBack = ReadBack(db, readBack!, read, ref readUpTo, ref unread, cancellationToken);
            if ((total & 0x3FF) == 0)
            {
                // Checked every 1,024 rows: Ctrl+C still stops the load at once.
                cancellationToken.ThrowIfCancellationRequested();
                if ((total & 0x3FFF) == 0) progress?.Report(total);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (readingBack && (unread == 0 || ReadBack(db, readBack!, read, ref readUpTo, ref unread, cancellationToken)))
            _readWhileWriting[input.Table.Id] = new TableLoad(input.Table.Id, read.Rows, read.Value);
        progress?.Report(total);
        return Task.FromResult(total);
    }

    /// <summary>
    /// Reads back the rows written since the last read-back: those with a rowid above the last one
    /// read, up to the last one written. False (stop reading while writing; the table is read whole
    /// at the end) when they are not as many as were written.
    /// </summary>
    private static bool ReadBack(sqlite3 db, SqliteWholeRows readBack, RowChecksum read, ref long readUpTo, ref long unread, CancellationToken cancellationToken)
    {
        var last = raw.sqlite3_last_insert_rowid(db);
        var rows = readBack.ReadRange(readUpTo, last, read, cancellationToken);
        if (rows != unread) return false;
        readUpTo = last;
        unread = 0;
        return true;
    }

    /// <summary>Nothing can have changed a row after it was read back: no trigger exists, and the table holds exactly the rows read.</summary>
    private bool NothingChangesRowsOf(sqlite3 db, string tableName, long rowsRead) =>
        Scalar(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'") == 0
        && Scalar(db, $"SELECT COUNT(*) FROM {Dialect.Quote(tableName)}") == rowsRead;

    private static long Scalar(sqlite3 db, string sql)
    {
        using var statement = Prepare(db, sql);
        var step = SqliteNative.Step(statement);
        if (step != SqliteRow) throw Error(db, step);
        return SqliteNative.ColumnInt64(statement, 0);
    }

    /// <summary>
    /// Reads a table back through SQLite's own API and checksums the values as stored: text as its
    /// UTF-8 bytes, integers in decimal; anything else (REAL, BLOB, decimals) through
    /// <see cref="CanonicalValue.FromDatabase"/>, as the ADO.NET read-back does.
    /// </summary>
    protected override Task<TableLoad> ReadTableAsync(DbConnection connection, DbTransaction transaction, StandardDefinition standard, StandardTable table,
        CancellationToken cancellationToken)
    {
        var db = ((SqliteConnection)connection).Handle!;
        var tableName = SqlDialect.TableName(standard, table);
        if (_readWhileWriting.Remove(table.Id, out var early) && NothingChangesRowsOf(db, tableName, early.Loaded)) return Task.FromResult(early);
        if (SqliteWholeRows.Supported(table))
        {
            using var rows = new SqliteWholeRows(db, Dialect, tableName, table, byRowid: false);
            var whole = new RowChecksum();
            rows.ReadAll(whole, cancellationToken);
            return Task.FromResult(new TableLoad(table.Id, whole.Rows, whole.Value));
        }
        var types = table.Items.Select(i => i.Type).ToArray();
        var sql = $"SELECT {string.Join(", ", table.Items.Select(i => Dialect.Quote(i.Id)))} FROM {Dialect.Quote(tableName)}";
        var checksum = new RowChecksum();
        Span<byte> digits = stackalloc byte[24];
        using var statement = Prepare(db, sql);
        int step;
        while ((step = SqliteNative.Step(statement)) == SqliteRow)
        {
            for (var i = 0; i < types.Length; i++)
            {
                var type = SqliteNative.ColumnType(statement, i);
                if (type == SqliteNull) checksum.AddNull();
                else if (types[i] == ItemType.Decimal || type is not (SqliteInteger or SqliteText))
                    AddCanonical(checksum, types[i], type switch
                    {
                        SqliteInteger => raw.sqlite3_column_int64(statement, i),
                        SqliteFloat => raw.sqlite3_column_double(statement, i),
                        SqliteText => raw.sqlite3_column_text(statement, i).utf8_to_string(),
                        _ => raw.sqlite3_column_blob(statement, i).ToArray(),
                    });
                else if (type == SqliteInteger)
                {
                    SqliteNative.ColumnInt64(statement, i).TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
                    checksum.AddField(digits[..written]);
                }
                else checksum.AddField(SqliteNative.ColumnBytes(statement, i));
            }
            checksum.EndRow();
            if ((checksum.Rows & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
        }
        if (step != SqliteDone) throw Error(db, step);
        return Task.FromResult(new TableLoad(table.Id, checksum.Rows, checksum.Value));
    }

    private static void AddCanonical(RowChecksum checksum, ItemType type, object value)
    {
        if (CanonicalValue.FromDatabase(type, value) is { } text) checksum.AddField(text);
        else checksum.AddNull();
    }

    internal static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            throw Error(db, rc);
        }
        return statement;
    }

    // The same exception Microsoft.Data.Sqlite throws, so Translate treats both alike.
    internal static SqliteException Error(sqlite3 db, int rc) =>
        new($"SQLite Error {rc.ToString(CultureInfo.InvariantCulture)}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(db));

    private static long ParseInteger(ReadOnlySpan<byte> value, LoadInput input, long line, StandardItem item) =>
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
