using Migrate.Core.Engines;
using Migrate.Core.Load;
using Migrate.Data.Sources;

namespace Migrate.Data.Engines;

/// <summary>
/// One database engine described whole: its name and connection schemes (<see cref="IDatabaseEngine"/>,
/// which is what Core sees), its SQL dialect and identifier quoting, the reader of a legacy database
/// on it and the target that loads it. Each engine's descriptor and driver code live in one folder
/// (Engines/Sqlite, Engines/Postgres, Engines/SqlServer) and are registered in <see cref="DatabaseEngines"/>.
/// </summary>
public abstract class DatabaseEngine : IDatabaseEngine
{
    public abstract string Name { get; }

    public abstract IReadOnlyList<string> Schemes { get; }

    public abstract bool ConnectionIsPath { get; }

    /// <summary>The engine's DDL, types, value limits and identifier quoting.</summary>
    public abstract SqlDialect Dialect { get; }

    /// <summary>The identifier quoted for this engine's SQL (exactly as given: case and all).</summary>
    public string Quote(string identifier) => Dialect.Quote(identifier);

    /// <summary>
    /// The legacy database behind a <c>format: database</c> source's connection string, not yet opened;
    /// a connection string the driver refuses throws <see cref="ArgumentException"/>.
    /// </summary>
    internal abstract LegacyDatabase OpenSource(string connectionString);

    /// <summary>The target that loads into <paramref name="connection"/> (a path or a connection string).</summary>
    public abstract ITarget CreateTarget(string connection, ConnectionRetry retry);

    public override string ToString() => Name;
}
