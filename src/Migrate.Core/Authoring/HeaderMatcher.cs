using Migrate.Core.Standard;

namespace Migrate.Core.Authoring;

/// <summary>
/// How well a legacy column header names a standard item, from the item's ID, Japanese and English
/// names and synonyms (all from the standard file): 1.0 when a name equals the header once folded
/// (<see cref="HeaderNames.Fold"/>); 0.9 when their stems are equal and their suffixes of one kind
/// (ATENA_CD ~ atena_no, 異動日 ~ 異動年月日); 0.8 when one of them has no suffix and the other's
/// suffix fits the item's type (住定 ~ 住定日). Anything else is 0: no partial or typo matching,
/// because a wrong match loads wrong data silently while a missed one is only a decision left open.
/// </summary>
internal static class HeaderMatcher
{
    public const double Exact = 1.0;

    /// <summary>The lowest confidence init accepts; below it an item stays unresolved.</summary>
    public const double Threshold = 0.8;

    public static double Score(StandardItem item, string header)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(header);
        var column = HeaderNames.Fold(header);
        if (column.Length == 0) return 0;
        var (columnStem, columnKind) = HeaderNames.Split(column);
        var best = 0.0;
        foreach (var name in ColumnMatcher.NamesOf(item))
        {
            var folded = HeaderNames.Fold(name);
            if (folded == column) return Exact;
            // 支援措置区分コード ~ 支援措置区分: the header is the whole name plus a suffix that fits the item.
            if (columnStem == folded && Fits(item, columnKind)) best = Math.Max(best, 0.8);
            var (stem, kind) = HeaderNames.Split(folded);
            // A one-character stem (生 of 生年月日) says too little to match on.
            if (stem.Length < 2 || columnStem.Length < 2 || stem != columnStem) continue;
            if (kind == columnKind && kind != HeaderNames.SuffixKind.None) best = Math.Max(best, 0.9);
            else if (kind == HeaderNames.SuffixKind.None && Fits(item, columnKind)) best = Math.Max(best, 0.8);
            else if (columnKind == HeaderNames.SuffixKind.None && Fits(item, kind)) best = Math.Max(best, 0.8);
        }
        return best;
    }

    /// <summary>Whether a suffix of this kind can name an item of this type (年月日 a date, 区分 a code or flag …).</summary>
    private static bool Fits(StandardItem item, HeaderNames.SuffixKind kind) => kind switch
    {
        HeaderNames.SuffixKind.Date => item.Type == ItemType.Date,
        HeaderNames.SuffixKind.Category => item.Type is ItemType.Code or ItemType.Flag,
        HeaderNames.SuffixKind.Flag => item.Type == ItemType.Flag,
        HeaderNames.SuffixKind.Text => item.Type == ItemType.String && item.Chars is CharRule.Standard or CharRule.Any,
        HeaderNames.SuffixKind.Sequence => item.Type is ItemType.Integer or ItemType.String,
        // A 番号/コード column holds digits or codes, never a name or an address (氏名コード is not 氏名).
        HeaderNames.SuffixKind.Number => item.Type is ItemType.Integer or ItemType.Code
            || (item.Type == ItemType.String && item.Chars is CharRule.Digits or CharRule.Ascii),
        _ => false,
    };
}
