namespace Migrate.Core.Report;

/// <summary>Kinds of departure from the standard the report lists.</summary>
public enum FindingCategory
{
    /// <summary>A legacy column carrying data that no standard item uses.</summary>
    CustomColumn,
    /// <summary>A legacy code value outside the standard list, converted lossily, or unknown.</summary>
    CustomCode,
    /// <summary>A legacy file or table that no standard table is mapped from.</summary>
    UnmappedTable,
    /// <summary>A standard item the legacy data has no source for.</summary>
    MissingItem,
    /// <summary>A user-defined character (外字): identified, reduced or unresolved.</summary>
    Gaiji,
    /// <summary>A conversion that loses information: truncation, 縮退, merged codes.</summary>
    Lossy,
    /// <summary>A customization declared in the mapping that does not show in the data (forms, interfaces).</summary>
    Declared,
    /// <summary>A character outside JIS X 0208/0213 in loaded text (an MJ character such as 髙, or one no receiving system may hold).</summary>
    OutsideJis,
}
