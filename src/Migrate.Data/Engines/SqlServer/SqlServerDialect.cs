using System.Globalization;
using Migrate.Core.Load;
using Migrate.Core.Standard;

namespace Migrate.Data.Engines.SqlServer;

/// <summary>
/// SQL Server DDL: NVARCHAR for all text (Japanese needs Unicode whatever the collation), DATE,
/// INT/BIGINT, BIT for 0/1 flags, DECIMAL(38, 10), and named primary keys.
/// </summary>
public sealed class SqlServerDialect : SqlDialect
{
    /// <summary>The largest NVARCHAR(n); beyond it the column is NVARCHAR(MAX).</summary>
    private const int MaxNvarchar = 4000;

    /// <summary>Digits allowed after the decimal point in DECIMAL(38, 10).</summary>
    public const int DecimalScale = 10;

    public override string Name => "sqlserver";

    public override string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";
    }

    public override string CreateHistoryTable =>
        "IF OBJECT_ID(N'" + HistoryTable + "', N'U') IS NULL CREATE TABLE " + HistoryTable
        + " (standard NVARCHAR(100) NOT NULL, version NVARCHAR(50) NOT NULL, ddl_sha256 CHAR(64) NOT NULL, tool_version NVARCHAR(50) NOT NULL, applied_at DATETIME2 NOT NULL)";

    public override string TableExistsQuery => "SELECT CASE WHEN OBJECT_ID(@name, N'U') IS NULL THEN 0 ELSE 1 END";

    protected override string ColumnType(StandardItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Type switch
        {
            ItemType.Integer => IsBigInteger(item) ? "BIGINT" : "INT",
            ItemType.Flag => "BIT",
            ItemType.Decimal => "DECIMAL(38, " + DecimalScale.ToString(CultureInfo.InvariantCulture) + ")",
            ItemType.Date => "DATE",
            _ => Utf16Length(item) is { } n ? "NVARCHAR(" + n.ToString(CultureInfo.InvariantCulture) + ")" : "NVARCHAR(MAX)",
        };
    }

    protected override string KeyClause(string tableName, IReadOnlyList<string> key) =>
        "CONSTRAINT " + Quote("pk_" + tableName) + " " + base.KeyClause(tableName, key);

    public override string? CheckFits(StandardItem item, string value)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(value);
        if (item.Type == ItemType.Decimal)
        {
            if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return null;
            if (number.Scale > DecimalScale) return $"has {number.Scale} decimal places, its column DECIMAL(38, {DecimalScale}) holds {DecimalScale}";
            return null;
        }
        if (item.Type is not (ItemType.String or ItemType.Code) || Utf16Length(item) is not { } max) return null;
        return value.Length > max ? $"needs {value.Length} UTF-16 units, its column NVARCHAR({max}) holds {max}" : null;
    }

    /// <summary>
    /// NVARCHAR(n) counts UTF-16 units. Digits, ASCII and katakana take one unit per character;
    /// other text may use surrogate pairs and variation selectors (IVS, two units each), so a
    /// character the standard counts once can take four units.
    /// </summary>
    public static int? Utf16Length(StandardItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Length is not { } n) return null;
        var units = item.Chars is CharRule.Digits or CharRule.Ascii or CharRule.Katakana ? n : 4L * n;
        return units <= MaxNvarchar ? (int)units : null;
    }
}
