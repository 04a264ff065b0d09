using Migrate.Samples;

namespace Migrate.Samples.Tests;

public sealed class HelperTests
{
    [Fact]
    public void My_number_check_digit_matches_the_published_example()
    {
        CheckDigits.MyNumber(12345678901).ShouldBe(8);
        CheckDigits.WithMyNumber(12345678901).ShouldBe(123456789018);
        SampleFiles.ValidMyNumber("123456789018").ShouldBeTrue();
        SampleFiles.ValidMyNumber("123456789017").ShouldBeFalse();
    }

    [Fact]
    public void Local_government_code_check_digit_matches_real_codes()
    {
        CheckDigits.LocalGovernment(13101).ShouldBe(6);
        CheckDigits.LocalGovernment(1100).ShouldBe(2);
        CheckDigits.LocalGovernment(27100).ShouldBe(4);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(123456789L)]
    [InlineData(999000001L)]
    public void Atena_numbers_carry_a_modulus_11_check_digit(long base9)
    {
        long atena = CheckDigits.WithModulus11(base9);
        SampleFiles.ValidModulus11(atena.ToString("0000000000", System.Globalization.CultureInfo.InvariantCulture)).ShouldBeTrue();
        (atena / 10).ShouldBe(base9);
    }

    [Theory]
    [InlineData("ヤマダ　タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData("パク　ジフン", "ﾊﾟｸ ｼﾞﾌﾝ")]
    [InlineData("ヴァン　アン", "ｳﾞｧﾝ ｱﾝ")]
    [InlineData("エミリー", "ｴﾐﾘｰ")]
    public void Katakana_becomes_half_width_with_separate_voiced_marks(string full, string half)
    {
        Cp932.ToHalfWidthKana(full).ShouldBe(half);
    }

    [Fact]
    public void User_defined_area_characters_encode_to_gaiji_bytes()
    {
        Cp932.Encode("\uE000\uE005").ShouldBe(new byte[] { 0xF0, 0x40, 0xF0, 0x45 });
    }

    [Theory]
    [InlineData(2019, 5, 1, "5010501")]
    [InlineData(2019, 4, 30, "4310430")]
    [InlineData(1989, 1, 7, "3640107")]
    [InlineData(1989, 1, 8, "4010108")]
    [InlineData(1975, 3, 1, "3500301")]
    [InlineData(1926, 12, 25, "3011225")]
    [InlineData(1926, 12, 24, "2151224")]
    public async Task Dates_are_written_as_gyymmdd_with_gannen(int y, int m, int d, string expected)
    {
        var ms = new MemoryStream();
        var w = new CsvByteWriter(ms, 64);
        w.Open();
        Wareki.Write(w, new DateOnly(y, m, d).DayNumber);
        w.EndRow();
        await w.FlushAsync(TestContext.Current.CancellationToken);
        System.Text.Encoding.ASCII.GetString(ms.ToArray()).ShouldBe(expected + "\r\n");
        SampleFiles.DateProblem(expected).ShouldBeNull();
    }

    [Fact]
    public async Task Letter_form_uses_the_era_letter()
    {
        var ms = new MemoryStream();
        var w = new CsvByteWriter(ms, 64);
        w.Open();
        Wareki.WriteLetter(w, new DateOnly(1975, 3, 1).DayNumber);
        w.EndRow();
        await w.FlushAsync(TestContext.Current.CancellationToken);
        System.Text.Encoding.ASCII.GetString(ms.ToArray()).ShouldBe("S50.03.01\r\n");
    }

    [Fact]
    public async Task Drop_field_removes_one_field_honouring_quotes()
    {
        var ms = new MemoryStream();
        var w = new CsvByteWriter(ms, 8);
        w.Text("a");
        w.Text("b,c");
        w.Text("d");
        w.Text("e");
        w.DropField(0, 2);
        w.EndRow();
        int second = w.Pending;
        w.Text("x");
        w.Text("y");
        w.DropField(second, 1);
        w.EndRow();
        await w.FlushAsync(TestContext.Current.CancellationToken);
        System.Text.Encoding.ASCII.GetString(ms.ToArray()).ShouldBe("a,\"b,c\",e\r\nx\r\n");
    }
}
