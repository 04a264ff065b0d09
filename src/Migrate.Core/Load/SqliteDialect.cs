using Migrate.Core.Standard;

namespace Migrate.Core.Load;

/// <summary>SQLite DDL: text for strings, codes and ISO dates (so leading zeros survive), integers for numbers and flags.</summary>
public sealed class SqliteDialect : SqlDialect
{
    public override string Name => "sqlite";

    public override string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    protected override string ColumnType(StandardItem item) => item.Type switch
    {
        ItemType.Integer or ItemType.Flag => "INTEGER",
        ItemType.Decimal => "NUMERIC",
        _ => "TEXT",
    };
}
