using System.Text;

namespace Migrate.Core.Text;

/// <summary>
/// Half-width katakana (U+FF61–U+FF9F) → full-width, composing voiced and semi-voiced marks
/// (ｶﾞ → ガ, ﾊﾟ → パ). Only runs of half-width kana are normalized (NFKC applied to those runs
/// alone): the rest of the value is left exactly as it was, as the standard requires for names.
/// </summary>
public static class KanaNormalizer
{
    public static string ToFullWidthKatakana(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var first = IndexOfHalfWidth(value, 0);
        if (first < 0) return value;
        var builder = new StringBuilder(value.Length);
        var pos = 0;
        while (first >= 0)
        {
            builder.Append(value, pos, first - pos);
            var end = first;
            while (end < value.Length && IsHalfWidthKana(value[end])) end++;
            builder.Append(value.AsSpan(first, end - first).ToString().Normalize(NormalizationForm.FormKC));
            pos = end;
            first = IndexOfHalfWidth(value, pos);
        }
        builder.Append(value, pos, value.Length - pos);
        // A half-width space between kana words becomes the full-width space the standard uses.
        return builder.Replace(' ', '\u3000').ToString();
    }

    private static int IndexOfHalfWidth(string value, int start)
    {
        for (var i = start; i < value.Length; i++)
            if (IsHalfWidthKana(value[i])) return i;
        return -1;
    }

    private static bool IsHalfWidthKana(char c) => c is >= '\uFF61' and <= '\uFF9F';
}
