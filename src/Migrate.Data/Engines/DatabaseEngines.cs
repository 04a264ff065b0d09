using Migrate.Core.Diagnostics;
using Migrate.Core.Engines;
using Migrate.Core.Load;
using Migrate.Data.Engines.Postgres;
using Migrate.Data.Engines.Sqlite;
using Migrate.Data.Engines.SqlServer;

namespace Migrate.Data.Engines;

/// <summary>
/// The registry of database engines: the one list a new engine is added to. The CLI hands
/// <see cref="Registry"/> to Core (which parses --target and --source-connection with it), and the
/// target factory, the database source reader and <c>standard ddl --dialect</c> find engines here.
/// </summary>
public static class DatabaseEngines
{
    public static DatabaseEngine Sqlite { get; } = new SqliteEngine();

    public static DatabaseEngine Postgres { get; } = new PostgresEngine();

    public static DatabaseEngine SqlServer { get; } = new SqlServerEngine();

    /// <summary>Every engine, in the order usage texts list them.</summary>
    public static IReadOnlyList<DatabaseEngine> All { get; } = [Sqlite, Postgres, SqlServer];

    /// <summary>The engines as Core finds them by scheme.</summary>
    public static EngineRegistry Registry { get; } = new(All);

    /// <summary>The engine's names, for help texts.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(e => e.Name)];

    /// <summary>The engine (with its driver) Core's parse chose, or null for one this assembly does not have.</summary>
    public static DatabaseEngine? Find(IDatabaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return All.FirstOrDefault(e => e.Name == engine.Name);
    }

    /// <summary>The dialect named by <c>--dialect</c> (any of an engine's schemes).</summary>
    public static SqlDialect Dialect(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Registry.Find(name) is { } engine && Find(engine) is { } found
            ? found.Dialect
            : throw MigrateException.Usage($"--dialect {name}: unknown dialect; use {string.Join(", ", Names)}");
    }
}
