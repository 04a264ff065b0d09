namespace Migrate.Core.Standard;

/// <summary>Value types of standard items. Identifiers and codes are strings so leading zeros survive.</summary>
public enum ItemType
{
    String,
    Code,
    Integer,
    Decimal,
    Date,
    /// <summary>0 or 1.</summary>
    Flag,
}
