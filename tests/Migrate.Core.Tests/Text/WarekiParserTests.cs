using Migrate.Core.Mapping;
using Migrate.Core.Text;

namespace Migrate.Core.Tests.Text;

public sealed class WarekiParserTests
{
    private static readonly IReadOnlyList<EraDefinition> Eras =
    [
        new("1", "M", "明治", new DateOnly(1868, 1, 25), new DateOnly(1912, 7, 30)),
        new("2", "T", "大正", new DateOnly(1912, 7, 30), new DateOnly(1926, 12, 25)),
        new("3", "S", "昭和", new DateOnly(1926, 12, 25), new DateOnly(1989, 1, 7)),
        new("4", "H", "平成", new DateOnly(1989, 1, 8), new DateOnly(2019, 4, 30)),
        new("5", "R", "令和", new DateOnly(2019, 5, 1), null),
    ];

    private static WarekiParser Parser(params string[] formats) =>
        new(new DateFormatDefinition("t", formats.Length == 0 ? ["GYYMMDD", "GYY.MM.DD", "EY年M月D日"] : formats, true, new DateOnly(1873, 1, 1), ["不詳"]), Eras);

    private static string? Iso(string input)
    {
        Parser().TryParse(input, out var result, out var problem).ShouldBeTrue(problem?.Message);
        return result.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Fails(string input)
    {
        Parser().TryParse(input, out _, out var problem).ShouldBeFalse();
        return problem!.Code;
    }

    [Fact] public void Showa50_March_1_in_GYYMMDD() => Iso("3500301").ShouldBe("1975-03-01");
    [Fact] public void Letter_prefixed_form() => Iso("S50.03.01").ShouldBe("1975-03-01");
    [Fact] public void Kanji_form_with_gannen() => Iso("令和元年5月1日").ShouldBe("2019-05-01");
    [Fact] public void Showa64_January_7_is_valid() => Iso("3640107").ShouldBe("1989-01-07");
    [Fact] public void Showa64_January_8_is_out_of_range() => Fails("3640108").ShouldBe("date.era-out-of-range");
    [Fact] public void Showa64_February_1_is_out_of_range() => Fails("3640201").ShouldBe("date.era-out-of-range");
    [Fact] public void Heisei31_April_30_is_valid() => Iso("4310430").ShouldBe("2019-04-30");
    [Fact] public void Heisei31_May_1_is_out_of_range() => Fails("4310501").ShouldBe("date.era-out-of-range");
    [Fact] public void Reiwa1_May_1_is_valid() => Iso("5010501").ShouldBe("2019-05-01");
    [Fact] public void Reiwa1_April_30_is_before_the_era() => Fails("5010430").ShouldBe("date.era-out-of-range");
    [Fact] public void Meiji45_July_30_is_accepted() => Iso("1450730").ShouldBe("1912-07-30");
    [Fact] public void Taisho15_December_25_is_accepted() => Iso("2151225").ShouldBe("1926-12-25");
    [Fact] public void Taisho1_July_29_is_before_the_era() => Fails("2010729").ShouldBe("date.era-out-of-range");
    [Fact] public void February_32_does_not_exist() => Fails("3500232").ShouldBe("date.invalid");
    [Fact] public void Month_13_does_not_exist() => Fails("3501301").ShouldBe("date.invalid");
    [Fact] public void Meiji5_is_lunisolar_and_rejected() => Fails("1050101").ShouldBe("date.before-gregorian");
    [Fact] public void Unknown_era_code_is_named() => Fails("7500301").ShouldBe("date.era-unknown");
    [Fact] public void Garbage_is_a_format_error() => Fails("abc").ShouldBe("date.format");

    [Fact]
    public void Zero_day_is_unknown_with_notation()
    {
        Parser().TryParse("3500300", out var result, out _).ShouldBeTrue();
        result.ShouldBe(new WarekiResult(null, true, "昭和50年3月日不詳", EraYear: "昭和50年"));
    }

    [Fact]
    public void Zero_month_and_day_is_unknown_with_notation()
    {
        Parser().TryParse("4030000", out var result, out _).ShouldBeTrue();
        result.ShouldBe(new WarekiResult(null, true, "平成3年月日不詳", EraYear: "平成3年"));
    }

    [Fact]
    public void All_zero_is_a_wholly_unknown_date()
    {
        Parser().TryParse("0000000", out var result, out _).ShouldBeTrue();
        result.ShouldBe(new WarekiResult(null, true, "年月日不詳"));
    }

    [Fact]
    public void Unknown_marker_is_kept_as_notation()
    {
        Parser().TryParse("不詳", out var result, out _).ShouldBeTrue();
        result.ShouldBe(new WarekiResult(null, true, "不詳"));
    }

    [Fact]
    public void Gregorian_pattern_reads_four_digit_years()
    {
        Parser("YYYYMMDD").TryParse("20240229", out var result, out _).ShouldBeTrue();
        result.Date.ShouldBe(new DateOnly(2024, 2, 29));
    }

    [Fact]
    public void A_pattern_without_a_day_is_refused() =>
        Should.Throw<FormatException>(() => WarekiPattern.Compile("GYYMM")).Message.ShouldContain("day");
}
