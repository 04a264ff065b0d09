using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace Migrate.Data.Engines.Sqlite;

/// <summary>
/// The few SQLite calls of the load's inner loops (bind, step, column), made directly on the
/// statement pointer of the SQLite library Microsoft.Data.Sqlite loaded. Through SQLitePCL each call
/// also adds and releases a reference on the statement's SafeHandle, which costs more than the call
/// itself when a table has tens of millions of values. The short calls skip the GC transition
/// (they neither block nor call back). When SQLitePCL uses another native library than the bundled
/// e_sqlite3, every call goes through SQLitePCL instead.
/// </summary>
internal static unsafe partial class SqliteNative
{
    private const string Library = "e_sqlite3";
    private static readonly IntPtr Transient = new(-1);

    /// <summary>True when the connections' SQLite is the library these imports bind to.</summary>
    public static readonly bool Direct = raw.GetNativeLibraryName() == Library;

    public static int BindNull(sqlite3_stmt statement, int index) =>
        Direct ? sqlite3_bind_null(statement.DangerousGetHandle(), index) : raw.sqlite3_bind_null(statement, index);

    public static int BindInt64(sqlite3_stmt statement, int index, long value) =>
        Direct ? sqlite3_bind_int64(statement.DangerousGetHandle(), index, value) : raw.sqlite3_bind_int64(statement, index, value);

    /// <summary>Binds UTF-8 text; SQLite copies it (SQLITE_TRANSIENT).</summary>
    public static int BindText(sqlite3_stmt statement, int index, ReadOnlySpan<byte> utf8)
    {
        if (!Direct) return raw.sqlite3_bind_text(statement, index, utf8);
        fixed (byte* text = utf8)
            return sqlite3_bind_text(statement.DangerousGetHandle(), index, text, utf8.Length, Transient);
    }

    public static int Step(sqlite3_stmt statement) =>
        Direct ? sqlite3_step(statement.DangerousGetHandle()) : raw.sqlite3_step(statement);

    public static int Reset(sqlite3_stmt statement) =>
        Direct ? sqlite3_reset(statement.DangerousGetHandle()) : raw.sqlite3_reset(statement);

    public static int ColumnType(sqlite3_stmt statement, int index) =>
        Direct ? sqlite3_column_type(statement.DangerousGetHandle(), index) : raw.sqlite3_column_type(statement, index);

    public static long ColumnInt64(sqlite3_stmt statement, int index) =>
        Direct ? sqlite3_column_int64(statement.DangerousGetHandle(), index) : raw.sqlite3_column_int64(statement, index);

    /// <summary>The bytes of a TEXT or BLOB value (UTF-8 for text), valid until the next step.</summary>
    public static ReadOnlySpan<byte> ColumnBytes(sqlite3_stmt statement, int index)
    {
        if (!Direct) return raw.sqlite3_column_blob(statement, index);
        var handle = statement.DangerousGetHandle();
        var data = sqlite3_column_blob(handle, index);
        // sqlite3_column_bytes after sqlite3_column_blob, as SQLite's documentation asks.
        var length = sqlite3_column_bytes(handle, index);
        return data == null ? default : new ReadOnlySpan<byte>(data, length);
    }

    [LibraryImport(Library), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_bind_null(IntPtr statement, int index);

    [LibraryImport(Library), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_bind_int64(IntPtr statement, int index, long value);

    [LibraryImport(Library), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_bind_text(IntPtr statement, int index, byte* text, int length, IntPtr destructor);

    // Not SuppressGCTransition: a step does the real work (I/O, B-tree) and may take long.
    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_step(IntPtr statement);

    [LibraryImport(Library), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_reset(IntPtr statement);

    [LibraryImport(Library), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_column_type(IntPtr statement, int index);

    [LibraryImport(Library), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial long sqlite3_column_int64(IntPtr statement, int index);

    [LibraryImport(Library), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial byte* sqlite3_column_blob(IntPtr statement, int index);

    [LibraryImport(Library), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int sqlite3_column_bytes(IntPtr statement, int index);
}
