using System.Globalization;
using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Standard;

namespace Migrate.Core.Validation;

/// <summary>Checks a value against an item's character rule, returning the first offending position.</summary>
internal static class CharacterRules
{
    /// <summary>Returns null when the value conforms, otherwise the problem (without the value itself).</summary>
    public static Problem? Check(CharRule rule, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (rule == CharRule.Any || PlainlyConforms(rule, value)) return null;
        var index = 0;
        while (index < value.Length)
        {
            // Nearly every character is plain BMP text: settle those without building a Rune.
            if (ObviouslyAllowed(rule, value[index]))
            {
                index++;
                continue;
            }
            var rune = Rune.GetRuneAt(value, index);
            if (!Allowed(rule, rune))
            {
                var (code, expected) = rule switch
                {
                    CharRule.Digits => (ErrorCodes.CharsDigits, "digits 0-9 only"),
                    CharRule.Katakana => (ErrorCodes.CharsKatakana, "full-width katakana only"),
                    CharRule.Ascii => (ErrorCodes.CharsAscii, "printable ASCII only"),
                    _ => (ErrorCodes.CharsStandard, "standard characters only (no control, private-use or half-width katakana characters, no Hangul or emoji)"),
                };
                var what = IsPrivateUse(rune) ? $"private-use character U+{rune.Value:X4} (外字)"
                    : rule == CharRule.Standard && IsHalfWidthKana(rune) ? $"half-width katakana U+{rune.Value:X4} (convert it with the kana transform)"
                    : rule == CharRule.Standard && OutsideStandardSet(rune) ? $"character U+{rune.Value:X4} outside the standard character set (Hangul, emoji)"
                    : $"character U+{rune.Value:X4}";
                return new Problem(code, $"{what} at position {index + 1}; expected {expected}");
            }
            index += rune.Utf16SequenceLength;
        }
        return null;
    }

    /// <summary>
    /// Whether the whole value is made of characters its rule allows without a closer look, found by
    /// vectorized scans: nearly every value is, and a character-by-character loop over every value
    /// was 8% of the map stage (perf).
    /// </summary>
    private static bool PlainlyConforms(CharRule rule, string value)
    {
        var span = value.AsSpan();
        return rule switch
        {
            CharRule.Digits => span.IndexOfAnyExceptInRange('0', '9') < 0,
            CharRule.Ascii => span.IndexOfAnyExceptInRange(' ', '~') < 0,
            // No C0 or C1 control, no surrogate (characters beyond the BMP, IVS), no private use, no
            // half-width katakana, no Hangul (syllables AC00-D7AF lie next to the surrogates: one scan).
            CharRule.Standard => span.IndexOfAnyInRange('\u0000', '\u001F') < 0 && span.IndexOfAnyInRange('\u007F', '\u009F') < 0
                && span.IndexOfAnyInRange('\uAC00', '\uF8FF') < 0 && span.IndexOfAnyInRange('\uFF61', '\uFF9F') < 0
                && span.IndexOfAnyInRange('\u1100', '\u11FF') < 0 && span.IndexOfAnyInRange('\u3130', '\u318F') < 0
                && span.IndexOfAnyInRange('\uA960', '\uA97F') < 0 && span.IndexOf('\uFE0F') < 0,
            _ => false,
        };
    }

    private static bool ObviouslyAllowed(CharRule rule, char c) => rule switch
    {
        CharRule.Digits => c is >= '0' and <= '9',
        CharRule.Ascii => c is >= ' ' and < '\u007F',
        CharRule.Katakana => c is (>= '\u30A1' and <= '\u30FA') or '\u30FC' or '\u3000',
        // Not a C0/C1 control, a surrogate or the private-use area (E000-F8FF): the only BMP
        // characters that are controls or private use (full-width forms from FF01 up are standard).
        CharRule.Standard => c is (>= ' ' and < '\u007F') or (>= '\u00A0' and < '\u1100') or (> '\u11FF' and < '\u3130')
            or (> '\u318F' and < '\uA960') or (> '\uA97F' and < '\uAC00') or (>= '\uF900' and < '\uFE0F') or (> '\uFE0F' and < '\uFF61') or > '\uFF9F',
        _ => false,
    };

    public static bool IsPrivateUse(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.PrivateUse;

    private static bool Allowed(CharRule rule, Rune rune) => rule switch
    {
        CharRule.Digits => rune.Value is >= '0' and <= '9',
        CharRule.Ascii => rune.Value is >= 0x20 and < 0x7F,
        // ァ..ヶ, ヷ..ヺ, ー (prolonged sound mark), ヽヾ, the middle dot and the ideographic space.
        CharRule.Katakana => rune.Value is (>= 0x30A1 and <= 0x30FA) or 0x30FC or 0x30FD or 0x30FE or 0x30FB or 0x3000,
        CharRule.Standard => (!IsPrivateUse(rune) && !Rune.IsControl(rune) && !IsHalfWidthKana(rune) && !OutsideStandardSet(rune))
            // Variation selectors (IVS) are part of standard characters.
            || rune.Value is >= 0xE0100 and <= 0xE01EF,
        _ => true,
    };

    /// <summary>
    /// Half-width katakana (U+FF61-FF9F): 1.1.18 and 5.3 keep names in full-width; legacy half-width
    /// kana must have been converted (kana transform), so a standard text item rejects it.
    /// </summary>
    private static bool IsHalfWidthKana(Rune rune) => rune.Value is >= 0xFF61 and <= 0xFF9F;

    /// <summary>
    /// Characters no Japanese character set holds (neither JIS X 0208/0213 nor 行政事務標準文字): Hangul
    /// jamo and syllables, and emoji with their presentation selector. A block rule rather than a full
    /// JIS X 0213 table: these blocks hold no JIS character, so nothing legitimate is refused; other
    /// characters outside JIS X 0213 still pass and are left to the receiving system's MJ check.
    /// </summary>
    private static bool OutsideStandardSet(Rune rune) => rune.Value is (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F)
        or (>= 0xA960 and <= 0xA97F) or (>= 0xAC00 and <= 0xD7FF) or (>= 0x1F000 and <= 0x1FAFF) or 0xFE0F;
}
