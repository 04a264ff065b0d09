using Migrate.Core.Standard;

namespace Migrate.Core.Authoring;

/// <summary>
/// Matches a legacy code value written as text (男, 世帯主, 転入) to the standard's codes by their
/// names in the standard file: an exact name is a decision (男 → 1); a name contained in the value or
/// the value in a name (男性 ~ 1 男) is only a candidate, shown to the person who decides.
/// </summary>
internal static class CodeNames
{
    /// <summary>
    /// The code whose name is exactly the value (width and brackets folded), or null. In a chained list
    /// (続柄) a value written with the joiner is the chain of its parts' codes: 子の妻 → 2012.
    /// </summary>
    public static string? Exact(CodeList list, string legacy, int maxChain = 1)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(legacy);
        if (Single(list, legacy) is { } code) return code;
        if (list.ChainJoiner is not { Length: > 0 } joiner || maxChain <= 1) return null;
        var parts = legacy.Split(joiner);
        if (parts.Length < 2 || parts.Length > maxChain) return null;
        var codes = parts.Select(p => Single(list, p)).ToList();
        return codes.All(c => c is not null) ? string.Concat(codes) : null;
    }

    private static string? Single(CodeList list, string legacy)
    {
        var folded = HeaderNames.Fold(legacy);
        if (folded.Length == 0 || folded.All(char.IsAsciiDigit)) return null; // digits are codes, not names
        var matches = list.Values.Where(v => HeaderNames.Fold(v.Value) == folded).Select(v => v.Key).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>Codes whose name contains the value or is contained in it, in the list's order.</summary>
    public static IReadOnlyList<string> Candidates(CodeList list, string legacy)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(legacy);
        var folded = HeaderNames.Fold(legacy);
        if (folded.Length == 0 || folded.All(c => char.IsAsciiLetterOrDigit(c))) return [];
        return list.Values
            .Where(v => HeaderNames.Fold(v.Value) is var name && name.Length > 0 && (name.Contains(folded, StringComparison.Ordinal) || folded.Contains(name, StringComparison.Ordinal)))
            .Select(v => v.Key)
            .ToList();
    }
}
