using System.Text;
using System.Globalization;
using Migrate.Core.Diagnostics;
using Migrate.Core.Standard;

namespace Migrate.Core.Validation;

/// <summary>Checks a value against an item's character rule, returning the first offending position.</summary>
public static class CharacterRules
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
                    _ => (ErrorCodes.CharsStandard, "standard characters only (no control or private-use characters)"),
                };
                var what = IsPrivateUse(rune) ? $"private-use character U+{rune.Value:X4} (外字)" : $"character U+{rune.Value:X4}";
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
            // No C0 or C1 control, no surrogate (characters beyond the BMP, IVS), no private use.
            CharRule.Standard => span.IndexOfAnyInRange('\u0000', '\u001F') < 0 && span.IndexOfAnyInRange('\u007F', '\u009F') < 0
                && span.IndexOfAnyInRange('\uD800', '\uF8FF') < 0,
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
        CharRule.Standard => c is (>= ' ' and < '\u007F') or (>= '\u00A0' and < '\uD800') or >= '\uF900',
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
        CharRule.Standard => !IsPrivateUse(rune) && !Rune.IsControl(rune)
            // Variation selectors (IVS) are part of standard characters.
            || rune.Value is >= 0xE0100 and <= 0xE01EF,
        _ => true,
    };
}
