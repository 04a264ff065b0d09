using System.Text;

namespace Migrate.Core.Authoring;

/// <summary>
/// Folds a column header or an item name to the form they are compared in: width (NFKC: Ｎｏ → NO,
/// ｶﾅ → カナ; headers only, never data), case, separators and brackets, hiragana → katakana, kana and
/// kanji variants of the same word (フリガナ/ヨミ → カナ, 市区町村 → 市町村, 旧姓 → 旧氏), and Hepburn
/// vs kunrei romaji (SHIMEI = SIMEI, JUSHO = JYUSHO = ZYUSYO, JOUTAI = JOTAI). Then splits off one
/// common suffix (番号/NO/コード/CD, 区分/KBN, 年月日/日/YMD/DATE, 連番/SEQ, フラグ/FLG, 漢字) so that
/// ATENA_CD and 宛名No compare by their stem and the kind of suffix.
/// </summary>
internal static class HeaderNames
{
    /// <summary>What a suffix says about the column: a number or code, a category, a date, a sequence or a flag.</summary>
    public enum SuffixKind
    {
        None,
        Number,
        Category,
        Date,
        Sequence,
        Flag,
        Text,
    }

    private static readonly (string Text, SuffixKind Kind)[] Suffixes =
    [
        .. new[] { "番号", "BANGO", "NUMBER", "NUM", "NO", "コード", "CODE", "CD" }.Select(s => (s, SuffixKind.Number)),
        .. new[] { "区分", "KUBUN", "KBN" }.Select(s => (s, SuffixKind.Category)),
        .. new[] { "年月日", "日付", "YMD", "DATE", "DT", "日" }.Select(s => (s, SuffixKind.Date)),
        .. new[] { "連番", "RENBAN", "SEQ" }.Select(s => (s, SuffixKind.Sequence)),
        .. new[] { "フラグ", "FLAG", "FLG" }.Select(s => (s, SuffixKind.Flag)),
        .. new[] { "漢字", "KANJI" }.Select(s => (s, SuffixKind.Text)),
    ];

    private static readonly (string From, string To)[] Variants =
    [
        ("ヨミガナ", "カナ"), ("フリガナ", "カナ"), ("ヨミ", "カナ"), ("KANA", "カナ"),
        ("市区町村", "市町村"), ("旧姓", "旧氏"), ("姓名", "氏名"), ("NAMAE", "氏名"),
        ("郵便NO", "郵便番号"), ("〒", "郵便番号"),
    ];

    // Hepburn → kunrei and long vowels, applied to both sides alike (longest spellings first).
    private static readonly (string From, string To)[] Romaji =
    [
        ("JYA", "ZYA"), ("JYU", "ZYU"), ("JYO", "ZYO"), ("SHA", "SYA"), ("SHU", "SYU"), ("SHO", "SYO"), ("SHI", "SI"),
        ("CHA", "TYA"), ("CHU", "TYU"), ("CHO", "TYO"), ("CHI", "TI"), ("TSU", "TU"), ("JA", "ZYA"), ("JU", "ZYU"),
        ("JO", "ZYO"), ("JI", "ZI"), ("FU", "HU"), ("OU", "O"), ("UU", "U"), ("OO", "O"), ("NN", "N"),
    ];

    public static string Fold(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var text = header.Normalize(NormalizationForm.FormKC).ToUpperInvariant();
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '_' or '-' or ' ' or '・' or '(' or ')' or '[' or ']' or '【' or '】' or '「' or '」' or '.' or '/' or '\u3000' or '\uFEFF') continue;
            sb.Append(c is >= '\u3041' and <= '\u3096' ? (char)(c + 0x60) : c); // hiragana → katakana
        }
        foreach (var (from, to) in Variants) sb.Replace(from, to);
        var folded = sb.ToString();
        if (folded.Any(char.IsAsciiLetter))
            foreach (var (from, to) in Romaji) folded = folded.Replace(from, to, StringComparison.Ordinal);
        return folded;
    }

    /// <summary>The folded name without its one recognised suffix, and the kind of that suffix.</summary>
    public static (string Stem, SuffixKind Kind) Split(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        foreach (var (text, kind) in Suffixes.OrderByDescending(s => s.Text.Length))
        {
            var canonical = Fold(text);
            if (folded.Length > canonical.Length && folded.EndsWith(canonical, StringComparison.Ordinal))
                return (folded[..^canonical.Length], kind);
        }
        return (folded, SuffixKind.None);
    }
}
