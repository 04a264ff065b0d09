namespace Migrate.Core.Transforms;

/// <summary>
/// Legacy values not in a code table are shown in the report and by <c>check</c> so the contractor can
/// add them, which is safe for codes but not when the mapping is wrong: with two columns swapped every
/// name became an "unknown code value" in report.html, findings.csv, report.json and manifest.json.
/// A value that cannot be a code (longer than <see cref="MaxCodeLength"/>, or holding a space or a
/// control character, as names and addresses do) is counted under <see cref="NotACode"/>; once an item
/// has more than <see cref="MaxDistinctUnknown"/> distinct unknown values (a code table has a few dozen
/// at most), all of them are counted under <see cref="TooMany"/>. Either is a mapping error, reported
/// by count and reason, never by value.
/// </summary>
internal static class WithheldCodes
{
    public const int MaxCodeLength = 12;
    public const int MaxDistinctUnknown = 20;

    public const string NotACode = "[withheld:not-a-code]";
    public const string TooMany = "[withheld:too-many-values]";

    public static bool IsWithheld(string? legacy) => legacy is NotACode or TooMany;

    public static bool LooksLikeCode(string value)
    {
        if (value.Length > MaxCodeLength) return false;
        foreach (var c in value)
            if (char.IsWhiteSpace(c) || char.IsControl(c)) return false;
        return true;
    }

    /// <summary>Why values were withheld, for messages.</summary>
    public static string Reason(string legacy) => legacy == NotACode
        ? $"values that cannot be codes (longer than {MaxCodeLength} characters, or with spaces)"
        : $"more than {MaxDistinctUnknown} distinct values not in the code table";
}
