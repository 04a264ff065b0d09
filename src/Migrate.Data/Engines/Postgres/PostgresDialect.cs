using System.Globalization;
using Migrate.Core.Load;
using Migrate.Core.Standard;

namespace Migrate.Data.Engines.Postgres;

/// <summary>
/// PostgreSQL DDL: varchar(n) where the standard's length can be enforced as PostgreSQL counts it,
/// text otherwise, date for dates, integer/bigint, smallint for 0/1 flags, numeric for decimals,
/// and named primary keys.
/// </summary>
public sealed class PostgresDialect : SqlDialect
{
    public override string Name => "postgres";

    public override string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public override string CreateHistoryTable =>
        "CREATE TABLE IF NOT EXISTS " + HistoryTable + " (standard text NOT NULL, version text NOT NULL, ddl_sha256 text NOT NULL, tool_version text NOT NULL, applied_at timestamptz NOT NULL)";

    // to_regclass follows the search_path, so a target can be a schema chosen in the connection string.
    public override string TableExistsQuery => "SELECT CASE WHEN to_regclass(@name) IS NULL THEN 0 ELSE 1 END";

    protected override string ColumnType(StandardItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Type switch
        {
            ItemType.Integer => IsBigInteger(item) ? "bigint" : "integer",
            ItemType.Flag => "smallint",
            ItemType.Decimal => "numeric",
            ItemType.Date => "date",
            _ => VarcharLength(item) is { } n ? "varchar(" + n.ToString(CultureInfo.InvariantCulture) + ")" : "text",
        };
    }

    protected override string KeyClause(string tableName, IReadOnlyList<string> key) =>
        "CONSTRAINT " + Quote("pk_" + tableName) + " " + base.KeyClause(tableName, key);

    public override string? CheckFits(StandardItem item, string value)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0', StringComparison.Ordinal)) return "contains a NUL character, which PostgreSQL cannot store";
        if (VarcharLength(item) is not { } max) return null;
        var length = value.EnumerateRunes().Count();
        return length > max ? $"has {length} characters, its column holds {max}" : null;
    }

    public override string? CheckFits(StandardItem item, ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (utf8.Contains((byte)0)) return "contains a NUL character, which PostgreSQL cannot store";
        if (VarcharLength(item) is not { } max) return null;
        // In valid UTF-8 every code point has exactly one byte that is not a continuation byte (10xxxxxx).
        var length = System.Text.Ascii.IsValid(utf8) ? utf8.Length : utf8.Length - ContinuationBytes(utf8);
        return length > max ? $"has {length} characters, its column holds {max}" : null;
    }

    private static int ContinuationBytes(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if ((b & 0xC0) == 0x80) count++;
        }
        return count;
    }

    /// <summary>
    /// varchar(n) counts code points, the standard counts a character with its variation selector
    /// (IVS) as one. Only where the character rule excludes selectors do the two agree.
    /// </summary>
    private static int? VarcharLength(StandardItem item) =>
        item.Type is ItemType.String or ItemType.Code && item.Length is { } n && item.Chars is CharRule.Digits or CharRule.Ascii or CharRule.Katakana ? n : null;
}
