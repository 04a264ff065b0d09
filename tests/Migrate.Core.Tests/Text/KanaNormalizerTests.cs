using System.Text;
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

    [Fact]
    public void Every_pair_and_triple_of_half_width_kana_converts_as_NFKC_of_the_run_does()
    {
        // The converter uses tables taken from NFKC; this checks it against NFKC applied to whole runs.
        var alphabet = Enumerable.Range(0xFF61, 0xFF9F - 0xFF61 + 1).Select(c => (char)c).Concat(['ア', ' ', 'a', '\u3099']).ToArray();
        var mismatches = new List<string>();
        foreach (var a in alphabet)
            foreach (var b in alphabet)
                foreach (var c in new[] { '\uFF9E', '\uFF9F', 'ｶ', 'x' })
                {
                    var text = new string([a, b, c]);
                    if (KanaNormalizer.ToFullWidthKatakana(text) != ReferenceRuns(text)) mismatches.Add(text);
                }
        mismatches.ShouldBeEmpty();
    }

    /// <summary>The definition: NFKC of each run of half-width kana alone, and spaces made full-width when any run exists.</summary>
    private static string ReferenceRuns(string value)
    {
        static bool Half(char c) => c is >= '\uFF61' and <= '\uFF9F';
        if (!value.Any(Half)) return value;
        var builder = new StringBuilder();
        for (var i = 0; i < value.Length;)
        {
            if (!Half(value[i])) { builder.Append(value[i++]); continue; }
            var end = i;
            while (end < value.Length && Half(value[end])) end++;
            builder.Append(value[i..end].Normalize(NormalizationForm.FormKC));
            i = end;
        }
        return builder.Replace(' ', '\u3000').ToString();
    }
}
