using Migrate.Core.Diagnostics;

namespace Migrate.Core.Load;

/// <summary>Finds a dialect by the name users give (<c>--dialect</c>).</summary>
public static class SqlDialects
{
    public static IReadOnlyList<string> Names { get; } = ["sqlite", "postgres", "sqlserver"];

    public static SqlDialect Parse(string name) => name switch
    {
        "sqlite" => new SqliteDialect(),
        "postgres" or "postgresql" => new PostgresDialect(),
        "sqlserver" => new SqlServerDialect(),
        _ => throw MigrateException.Usage($"--dialect {name}: unknown dialect; use {string.Join(", ", Names)}"),
    };
}
