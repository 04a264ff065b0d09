using Migrate.Core.Text;

namespace Migrate.Core.Tests.Text;

public sealed class KanaNormalizerTests
{
    [Fact] public void Voiced_marks_are_composed() => KanaNormalizer.ToFullWidthKatakana("ｶﾞｯｺｳ").ShouldBe("ガッコウ");
    [Fact] public void Semi_voiced_marks_are_composed() => KanaNormalizer.ToFullWidthKatakana("ﾊﾟﾋﾟﾌﾟ").ShouldBe("パピプ");
    [Fact] public void Vu_is_composed() => KanaNormalizer.ToFullWidthKatakana("ｳﾞｨ").ShouldBe("ヴィ");
    [Fact] public void Long_mark_and_space_become_full_width() => KanaNormalizer.ToFullWidthKatakana("ﾔﾏﾀﾞ ﾀﾛｰ").ShouldBe("ヤマダ　タロー");
    [Fact] public void Full_width_text_is_left_untouched() => KanaNormalizer.ToFullWidthKatakana("ヤマダ").ShouldBeSameAs("ヤマダ");

    [Fact]
    public void Compatibility_ideographs_outside_kana_runs_are_not_normalized()
    {
        // NFKC would turn U+FA30 into U+4FAE; only the kana run may change.
        KanaNormalizer.ToFullWidthKatakana("\uFA30ｶ").ShouldBe("\uFA30カ");
    }
}
