namespace Migrate.Core.Standard;

/// <summary>Which characters a standard item may hold.</summary>
public enum CharRule
{
    Any,
    /// <summary>ASCII digits 0-9 only.</summary>
    Digits,
    /// <summary>Full-width katakana, the prolonged sound mark and the full-width space (フリガナ).</summary>
    Katakana,
    /// <summary>Printable ASCII.</summary>
    Ascii,
    /// <summary>Standard characters: no control characters and no private-use (外字) code points left.</summary>
    Standard,
}
