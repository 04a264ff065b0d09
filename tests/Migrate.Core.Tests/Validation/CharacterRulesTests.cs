using Migrate.Core.Standard;
using Migrate.Core.Validation;

namespace Migrate.Core.Tests.Validation;

public sealed class CharacterRulesTests
{
    [Fact] public void Full_width_katakana_with_space_and_long_mark_passes() => CharacterRules.Check(CharRule.Katakana, "ヤマダ　タロー").ShouldBeNull();
    [Fact] public void Half_width_katakana_fails_the_katakana_rule() => CharacterRules.Check(CharRule.Katakana, "ﾔﾏﾀﾞ")!.Code.ShouldBe("chars.katakana");
    [Fact] public void Hiragana_fails_the_katakana_rule() => CharacterRules.Check(CharRule.Katakana, "やまだ")!.Message.ShouldContain("position 1");
    [Fact] public void Digits_rule_rejects_full_width_digits() => CharacterRules.Check(CharRule.Digits, "12３")!.Message.ShouldContain("position 3");

    [Fact]
    public void Private_use_character_is_not_a_standard_character()
    {
        var problem = CharacterRules.Check(CharRule.Standard, "山\uE000太郎");
        problem!.Code.ShouldBe("chars.standard");
        problem.Message.ShouldContain("U+E000");
        problem.Message.ShouldNotContain("山");
    }

    [Fact]
    public void Half_width_katakana_in_standard_text_must_have_been_converted()
    {
        var problem = CharacterRules.Check(CharRule.Standard, "山田ﾀﾛｳ");
        problem!.Code.ShouldBe("chars.standard");
        problem.Message.ShouldStartWith("half-width katakana U+FF80 (convert it with the kana transform) at position 3");
    }

    [Theory]
    [InlineData("김철수", "U+AE40")]
    [InlineData("山田😀", "U+1F600")]
    [InlineData("山田❤️", "U+FE0F")]
    [InlineData("ㄱ", "U+3131")]
    public void Hangul_and_emoji_are_outside_the_standard_set(string value, string codePoint)
    {
        var problem = CharacterRules.Check(CharRule.Standard, value);
        problem!.Code.ShouldBe("chars.standard");
        problem.Message.ShouldContain(codePoint);
    }

    [Fact] public void Cp932_extension_characters_are_standard_characters() => CharacterRules.Check(CharRule.Standard, "髙﨑㈱Ⅰ№℡∵").ShouldBeNull();

    [Fact] public void Ivs_sequence_is_a_standard_character() => CharacterRules.Check(CharRule.Standard, "辻\U000E0100").ShouldBeNull();
    [Fact] public void Supplementary_kanji_is_a_standard_character() => CharacterRules.Check(CharRule.Standard, "𠮷田").ShouldBeNull();

    // The rules as the standard states them, checked character by character through Rune: the
    // oracle for the vectorized fast paths, over every BMP character in the middle of plain text.
    private static bool Expected(CharRule rule, System.Text.Rune rune) => rule switch
    {
        CharRule.Digits => rune.Value is >= '0' and <= '9',
        CharRule.Ascii => rune.Value is >= 0x20 and <= 0x7E,
        CharRule.Standard => System.Text.Rune.GetUnicodeCategory(rune) != System.Globalization.UnicodeCategory.PrivateUse && !System.Text.Rune.IsControl(rune)
            && rune.Value is not ((>= 0xFF61 and <= 0xFF9F) or (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F) or (>= 0xA960 and <= 0xA97F) or (>= 0xAC00 and <= 0xD7FF) or 0xFE0F),
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    [Theory]
    [InlineData(CharRule.Digits, "0", "9")]
    [InlineData(CharRule.Ascii, "a", "z")]
    [InlineData(CharRule.Standard, "山", "田")]
    public void Every_bmp_character_is_judged_as_the_rule_says(CharRule rule, string before, string after)
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF) continue;
            var problem = CharacterRules.Check(rule, before + (char)c + after);
            if (Expected(rule, new System.Text.Rune(c))) problem.ShouldBeNull($"U+{c:X4}");
            else problem.ShouldNotBeNull($"U+{c:X4}").Message.ShouldContain("position 2");
        }
    }

    [Fact]
    public void Characters_beyond_the_bmp_are_judged_one_by_one()
    {
        CharacterRules.Check(CharRule.Standard, "山\U000F0000").ShouldNotBeNull().Message.ShouldContain("U+F0000");
        CharacterRules.Check(CharRule.Standard, "ＡＢ１２３").ShouldBeNull();
        CharacterRules.Check(CharRule.Ascii, "abc\u007F").ShouldNotBeNull().Message.ShouldContain("position 4");
    }
}
