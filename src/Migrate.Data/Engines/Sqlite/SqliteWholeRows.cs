using Migrate.Core.Load;
using Migrate.Core.Standard;
using SQLitePCL;

namespace Migrate.Data.Engines.Sqlite;

/// <summary>
/// Reads a table's rows back with SQLite building each row's canonical text itself (values joined by
/// U+001F, U+0000 for NULL: exactly what <see cref="RowChecksum"/> hashes), so a row is one value to
/// fetch instead of one per column: reading a 1M-person table back took 4 s value by value, most of
/// it in the calls. SQLite writes an integer in decimal, as the checksum does; a decimal needs
/// <see cref="CanonicalValue"/>, so a table with one is not <see cref="Supported"/>, nor is any table
/// for an SQLite older than concat_ws (3.44) or with more columns than a function takes.
/// </summary>
internal sealed class SqliteWholeRows : IDisposable
{
    private const int MaxFunctionArguments = 100;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly bool _byRowid;

    /// <param name="byRowid">Read the rows of a rowid range (<see cref="ReadRange"/>) instead of the whole table (<see cref="ReadAll"/>).</param>
    public SqliteWholeRows(sqlite3 db, SqlDialect dialect, string tableName, StandardTable table, bool byRowid)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(table);
        _db = db;
        _byRowid = byRowid;
        var values = string.Join(", ", table.Items.Select(i => $"coalesce({dialect.Quote(i.Id)}, char(0))"));
        var sql = $"SELECT concat_ws(char(31), {values}) FROM {dialect.Quote(tableName)}" + (byRowid ? " WHERE rowid > ?1 AND rowid <= ?2 ORDER BY rowid" : "");
        _statement = SqliteTarget.Prepare(db, sql);
    }

    public static bool Supported(StandardTable table) =>
        table.Items.Count < MaxFunctionArguments
        && table.Items.All(i => i.Type != ItemType.Decimal)
        && raw.sqlite3_libversion_number() >= 3_044_000;

    /// <summary>Adds every row of the table to <paramref name="checksum"/>.</summary>
    public void ReadAll(RowChecksum checksum, CancellationToken cancellationToken)
    {
        if (_byRowid) throw new InvalidOperationException("prepared for rowid ranges");
        Read(checksum, cancellationToken);
    }

    /// <summary>Adds the rows whose rowid is in (<paramref name="after"/>, <paramref name="upTo"/>]; returns how many there were.</summary>
    public long ReadRange(long after, long upTo, RowChecksum checksum, CancellationToken cancellationToken)
    {
        if (!_byRowid) throw new InvalidOperationException("prepared for the whole table");
        raw.sqlite3_bind_int64(_statement, 1, after);
        raw.sqlite3_bind_int64(_statement, 2, upTo);
        try
        {
            return Read(checksum, cancellationToken);
        }
        finally
        {
            SqliteNative.Reset(_statement);
        }
    }

    private long Read(RowChecksum checksum, CancellationToken cancellationToken)
    {
        long rows = 0;
        int step;
        while ((step = SqliteNative.Step(_statement)) == raw.SQLITE_ROW)
        {
            // The row's text, and AddField's separator after its last value.
            checksum.AddField(SqliteNative.ColumnBytes(_statement, 0));
            checksum.EndRow();
            if ((++rows & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
        }
        if (step != raw.SQLITE_DONE) throw SqliteTarget.Error(_db, step);
        return rows;
    }

    public void Dispose() => _statement.Dispose();
}
