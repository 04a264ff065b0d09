using Migrate.Core.Load;
using Migrate.Core.Standard;

namespace Migrate.Data.Engines.Sqlite;

/// <summary>SQLite DDL: text for strings, codes and ISO dates (so leading zeros survive), integers for numbers and flags.</summary>
public sealed class SqliteDialect : SqlDialect
{
    public override string Name => "sqlite";

    public override string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public override string CreateHistoryTable =>
        "CREATE TABLE IF NOT EXISTS " + HistoryTable + " (standard TEXT NOT NULL, version TEXT NOT NULL, ddl_sha256 TEXT NOT NULL, tool_version TEXT NOT NULL, applied_at TEXT NOT NULL)";

    public override string TableExistsQuery => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name";

    protected override string ColumnType(StandardItem item) => item.Type switch
    {
        ItemType.Integer or ItemType.Flag => "INTEGER",
        ItemType.Decimal => "NUMERIC",
        _ => "TEXT",
    };
}
