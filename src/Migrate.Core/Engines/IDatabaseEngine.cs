namespace Migrate.Core.Engines;

/// <summary>
/// What Core knows of a database engine: the names its connections are written with and whether a
/// target's connection is a path that may be shown. Each engine is described whole (driver, dialect,
/// quoting, legacy source reader, target) in its own folder of Migrate.Data's Engines, which
/// implements this, so that Core references no driver.
/// </summary>
public interface IDatabaseEngine
{
    /// <summary>The engine's name as messages, the manifest and the report say it: sqlite, postgres, sqlserver.</summary>
    string Name { get; }

    /// <summary>Every scheme accepted before the colon of a connection: <see cref="Name"/> and its aliases (postgresql).</summary>
    IReadOnlyList<string> Schemes { get; }

    /// <summary>
    /// True when a target's connection is a file path, which is shown and recorded (SQLite); false
    /// when it is a connection string, which may hold a password and is never shown.
    /// </summary>
    bool ConnectionIsPath { get; }
}
