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

    [Fact] public void Ivs_sequence_is_a_standard_character() => CharacterRules.Check(CharRule.Standard, "辻\U000E0100").ShouldBeNull();
    [Fact] public void Supplementary_kanji_is_a_standard_character() => CharacterRules.Check(CharRule.Standard, "𠮷田").ShouldBeNull();
}
