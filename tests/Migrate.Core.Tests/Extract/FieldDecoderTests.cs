using System.Text;
using Migrate.Core.Extract;
using Migrate.Core.Text;

namespace Migrate.Core.Tests.Extract;

public sealed class FieldDecoderTests
{
    private static readonly FieldDecoder Cp932 = new(LegacyEncodings.Strict("cp932"), "cp932");

    private static string Latin1(params byte[] bytes) => Encoding.Latin1.GetString(bytes);

    [Fact]
    public void Real_cp932_bytes_decode_to_kanji()
    {
        // 山田 = 8E 52 93 63 in CP932.
        Cp932.TryDecode(Latin1(0x8E, 0x52, 0x93, 0x63), out var value, out _).ShouldBeTrue();
        value.ShouldBe("山田");
    }

    [Fact]
    public void User_defined_area_decodes_to_private_use()
    {
        Cp932.TryDecode(Latin1(0xF0, 0x40, 0xF9, 0xFC), out var value, out _).ShouldBeTrue();
        value.ShouldBe("\uE000\uE757");
    }

    [Fact]
    public void Wave_dash_follows_the_cp932_table()
    {
        // 0x8160 is U+FF5E (FULLWIDTH TILDE) in CP932, not U+301C as in JIS.
        Cp932.TryDecode(Latin1(0x81, 0x60), out var value, out _).ShouldBeTrue();
        value.ShouldBe("\uFF5E");
    }

    [Fact]
    public void Half_width_katakana_decodes_from_single_bytes()
    {
        Cp932.TryDecode(Latin1(0xB6, 0xDE), out var value, out _).ShouldBeTrue();
        value.ShouldBe("ｶﾞ");
    }

    [Fact]
    public void Invalid_trail_byte_is_an_error_not_a_question_mark()
    {
        Cp932.TryDecode(Latin1(0x41, 0x81, 0x20), out var value, out var problem).ShouldBeFalse();
        value.ShouldBe("");
        problem!.Code.ShouldBe("encoding.invalid");
        problem.Message.ShouldContain("0x81");
        problem.Message.ShouldContain("CP932");
    }

    [Fact]
    public void Undefined_single_byte_is_an_error()
    {
        Cp932.TryDecode(Latin1(0xA0), out _, out var problem).ShouldBeFalse();
        problem!.Message.ShouldContain("0xA0");
    }

    [Fact]
    public void Utf8_bytes_are_suggested_when_cp932_fails()
    {
        var utf8 = Encoding.UTF8.GetBytes("ヤマダ,テスト");
        EncodingGuess.Suggest(utf8, "cp932").ShouldBe("utf-8");
    }
}
