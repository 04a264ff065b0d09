using SQLitePCL;

namespace Migrate.Data.Engines.Sqlite;

/// <summary>
/// SQLite's threading mode for this process. The bundled SQLite starts in serialized mode, which
/// takes a mutex in every API call: with one call per bound value and per value read back, that was
/// 13% of a SQLite load (perf). migrate never uses one connection from two threads at once (each
/// load and each source reader opens its own connection and uses it from one flow), which is what
/// multi-thread mode requires, so it is chosen once before SQLite initializes.
/// </summary>
public static class SqliteThreading
{
    private static readonly int Result = Configure();

    /// <summary>Chooses multi-thread mode if SQLite is not initialized yet; otherwise SQLite stays serialized, which is as correct.</summary>
    public static bool UseMultiThreadMode() => Result == raw.SQLITE_OK;

    private static int Configure()
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
    }
}
