using System.Text;
using Migrate.Core.Text;

namespace Migrate.Core.Tests.Text;

/// <summary>
/// The JIS X 0208/0213 table (generated from Python's codecs) checked against an independent source:
/// .NET's own Windows-31J decoder for every JIS X 0208 code.
/// </summary>
public sealed class JisCharacterSetTests
{
    private static readonly JisCharacterSet Set = JisCharacterSet.Instance;

    [Fact]
    public void Every_JIS_X_0208_character_as_Windows_31J_decodes_it_is_in_the_set()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp932 = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var missing = new List<string>();
        var checkedCount = 0;
        // Lead bytes of JIS X 0208 rows 1-8 and 16-84; 0x87 (NEC row 13) and 0xED-0xFC (extensions) are not JIS X 0208.
        foreach (var lead in Enumerable.Range(0x81, 4).Concat(Enumerable.Range(0x88, 0x18)).Concat(Enumerable.Range(0xE0, 0x0B)))
            for (var trail = 0x40; trail <= 0xFC; trail++)
            {
                if (trail == 0x7F) continue;
                string text;
                try { text = cp932.GetString([(byte)lead, (byte)trail]); }
                catch (DecoderFallbackException) { continue; }  // unassigned
                checkedCount++;
                if (!Set.Contains(char.ConvertToUtf32(text, 0))) missing.Add($"{lead:X2}{trail:X2} U+{(int)text[0]:X4}");
            }

        checkedCount.ShouldBeGreaterThan(6800);  // JIS X 0208 has 6,879 characters
        missing.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0x20B9F, true)]   // 𠮟: JIS X 0213 plane 1
    [InlineData(0xFA11, true)]    // 﨑: JIS X 0213
    [InlineData(0x3231, true)]    // ㈱
    [InlineData(0x2160, true)]    // Ⅰ
    [InlineData(0x9AD9, false)]   // 髙: an MJ character JIS X 0213 does not hold
    [InlineData(0x20BB7, false)]  // 𠮷: likewise
    [InlineData(0xAC00, false)]   // 가: Hangul
    [InlineData(0xE000, false)]   // private use
    public void Known_characters(int codePoint, bool inSet) => Set.Contains(codePoint).ShouldBe(inSet);

    [Fact]
    public void The_first_character_outside_is_found_past_ASCII_and_a_variation_selector_goes_with_its_base()
    {
        Set.IndexOfOutside("ABC 123").ShouldBe(-1);
        Set.IndexOfOutside("山田　太郎").ShouldBe(-1);
        Set.IndexOfOutside("髙橋").ShouldBe(0);
        Set.IndexOfOutside("Aの髙").ShouldBe(2);
        Set.IndexOfOutside("葛\U000E0100飾").ShouldBe(-1);     // 葛 with an IVS selector: judged by 葛
        Set.IndexOfOutside("吉\U00020BB7", 1).ShouldBe(1);   // 𠮷 (a surrogate pair) found at its first unit
        Set.IndexOfOutside("髙橋", 1).ShouldBe(-1);
    }
}
