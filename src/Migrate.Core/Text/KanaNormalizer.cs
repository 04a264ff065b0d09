using System.Buffers;
using System.Text;

namespace Migrate.Core.Text;

/// <summary>
/// Half-width katakana (U+FF61–U+FF9F) → full-width, composing voiced and semi-voiced marks
/// (ｶﾞ → ガ, ﾊﾟ → パ). Only runs of half-width kana are normalized (NFKC applied to those runs
/// alone): the rest of the value is left exactly as it was, as the standard requires for names.
/// </summary>
/// <remarks>
/// Calling ICU's NFKC per value was most of the map stage's time (dotnet-trace: 83%), so the
/// result of NFKC for every half-width kana, and for every kana followed by each mark, is taken
/// from ICU once into tables; a run converts character by character with the same result.
/// </remarks>
internal static class KanaNormalizer
{
    private const char First = '\uFF61';
    private const char Last = '\uFF9F';
    private const char VoicedMark = '\uFF9E';
    private const char SemiVoicedMark = '\uFF9F';

    private static readonly char[] FullWidth = Table(c => c.ToString());
    private static readonly char[] WithVoicedMark = Table(c => new string([c, VoicedMark]));
    private static readonly char[] WithSemiVoicedMark = Table(c => new string([c, SemiVoicedMark]));

    public static string ToFullWidthKatakana(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var first = value.AsSpan().IndexOfAnyInRange(First, Last);
        if (first < 0) return value;
        var buffer = ArrayPool<char>.Shared.Rent(value.Length);
        try
        {
            var length = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c is < First or > Last)
                {
                    // A half-width space between kana words becomes the full-width space the standard uses.
                    buffer[length++] = c == ' ' ? '\u3000' : c;
                    continue;
                }
                if (i + 1 < value.Length && value[i + 1] is VoicedMark or SemiVoicedMark)
                {
                    var composed = (value[i + 1] == VoicedMark ? WithVoicedMark : WithSemiVoicedMark)[c - First];
                    if (composed != '\0')
                    {
                        buffer[length++] = composed;
                        i++;
                        continue;
                    }
                }
                buffer[length++] = FullWidth[c - First];
            }
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Per half-width kana, NFKC of the text made from it, when that is one character; otherwise '\0'.</summary>
    private static char[] Table(Func<char, string> text)
    {
        var table = new char[Last - First + 1];
        for (var c = First; c <= Last; c++)
        {
            var normalized = text(c).Normalize(NormalizationForm.FormKC);
            table[c - First] = normalized.Length == 1 ? normalized[0] : '\0';
        }
        return table;
    }
}
