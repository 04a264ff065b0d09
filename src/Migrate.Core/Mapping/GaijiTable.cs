namespace Migrate.Core.Mapping;

public enum GaijiResolution
{
    /// <summary>同定: identified as a standard character (optionally with an IVS selector).</summary>
    Identified,
    /// <summary>縮退: reduced to a close character the target can hold; reported as lossy.</summary>
    Reduced,
    /// <summary>Not identified yet.</summary>
    Unresolved,
}

/// <summary>One 外字: its legacy code, its private-use code point and how it is resolved.</summary>
public sealed record GaijiEntry(string LegacyCode, int CodePoint, GaijiResolution Resolution, string? Replacement, string? MjName, string? Note);

public enum UnresolvedGaijiRule
{
    /// <summary>A row holding an unresolved 外字 is rejected with <c>gaiji.unresolved</c>.</summary>
    Reject,
    /// <summary>The private-use character passes through; the finding is reported.</summary>
    Keep,
}

/// <summary>A vendor's (or municipality's) 外字 table, keyed by private-use code point.</summary>
public sealed record GaijiTable(IReadOnlyDictionary<int, GaijiEntry> Entries, UnresolvedGaijiRule Unresolved)
{
    public static GaijiTable Empty { get; } = new(new Dictionary<int, GaijiEntry>(), UnresolvedGaijiRule.Reject);

    /// <summary>
    /// CP932 user-defined bytes 0xF040–0xF9FC map one to one onto U+E000–U+E757: 188 codes per lead
    /// byte, trail bytes 0x40–0x7E and 0x80–0xFC.
    /// </summary>
    public static int? Cp932UserDefinedToCodePoint(int sjis)
    {
        var lead = sjis >> 8;
        var trail = sjis & 0xFF;
        if (lead is < 0xF0 or > 0xF9 || trail is < 0x40 or > 0xFC || trail == 0x7F) return null;
        var index = trail - 0x40 - (trail > 0x7F ? 1 : 0);
        return 0xE000 + (lead - 0xF0) * 188 + index;
    }

    public static string CodePointToCp932Label(int codePoint)
    {
        var offset = codePoint - 0xE000;
        if (offset is < 0 or >= 1880) return $"U+{codePoint:X4}";
        var lead = 0xF0 + offset / 188;
        var index = offset % 188;
        var trail = index + 0x40 + (index >= 0x3F ? 1 : 0);
        return $"{lead:X2}{trail:X2}";
    }
}
