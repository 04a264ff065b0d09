using Migrate.Core.Mapping;
using Migrate.Core.Text;

namespace Migrate.Core.Tests.Text;

/// <summary>
/// 不詳 and 暦上日以外 dates as the standard keeps them (住民記録システム標準仕様書 1.1.8): read as data,
/// the wording kept, and the impossible ones (a year after its era, a month after the era ended) rejected.
/// </summary>
public sealed class WarekiUnknownDateTests
{
    private static readonly IReadOnlyList<EraDefinition> Eras =
    [
        new("1", "M", "明治", new DateOnly(1868, 1, 25), new DateOnly(1912, 7, 30)),
        new("2", "T", "大正", new DateOnly(1912, 7, 30), new DateOnly(1926, 12, 25)),
        new("3", "S", "昭和", new DateOnly(1926, 12, 25), new DateOnly(1989, 1, 7)),
        new("4", "H", "平成", new DateOnly(1989, 1, 8), new DateOnly(2019, 4, 30)),
        new("5", "R", "令和", new DateOnly(2019, 5, 1), null),
    ];

    private static readonly WarekiParser Parser = new(
        new DateFormatDefinition("t", ["GYYMMDD", "EY年M月D日"], true, new DateOnly(1873, 1, 1), [])
        {
            UnknownForms = ["年月日不詳", "EY年頃", "EY年不詳", "EY年月日不詳", "EY年M月日不詳", "EY年M月*"],
        }, Eras);

    private static WarekiResult Kept(string input)
    {
        Parser.TryParse(input, out var result, out var problem).ShouldBeTrue(problem?.Message);
        return result;
    }

    private static string Rejected(string input)
    {
        Parser.TryParse(input, out _, out var problem).ShouldBeFalse();
        return problem!.Code;
    }

    [Fact]
    public void Heisei5_February_29_is_kept_as_a_date_not_on_the_calendar() =>
        Kept("4050229").ShouldBe(new WarekiResult(null, true, "平成5年2月29日", NonCalendar: true, EraYear: "平成5年"));

    [Fact]
    public void February_30_written_in_kanji_is_kept_as_a_date_not_on_the_calendar() =>
        Kept("昭和50年2月30日").ShouldBe(new WarekiResult(null, true, "昭和50年2月30日", NonCalendar: true, EraYear: "昭和50年"));

    [Fact]
    public void A_leap_day_of_a_leap_year_is_an_ordinary_date() =>
        Kept("4040229").Date.ShouldBe(new DateOnly(1992, 2, 29));

    [Fact]
    public void A_date_not_on_the_calendar_after_its_era_is_rejected() => Rejected("3640229").ShouldBe("date.era-out-of-range");

    [Theory]
    [InlineData("昭和30年頃", "昭和30年")]
    [InlineData("昭和20年不詳", "昭和20年")]
    [InlineData("明治40年月日不詳", "明治40年")]
    [InlineData("昭和22年3月日不詳", "昭和22年")]
    [InlineData("昭和３０年頃", "昭和30年")]
    [InlineData("令和2年3月上旬", "令和2年")]
    [InlineData("大正元年頃", "大正元年")]
    public void A_free_form_unknown_date_is_kept_as_written(string written, string eraYear) =>
        Kept(written).ShouldBe(new WarekiResult(null, true, written, EraYear: eraYear));

    [Fact]
    public void A_wholly_unknown_date_in_words_is_kept() => Kept("年月日不詳").ShouldBe(new WarekiResult(null, true, "年月日不詳"));

    [Theory]
    [InlineData("昭和64年2月日不詳")]
    [InlineData("平成31年5月日不詳")]
    [InlineData("昭和99年月日不詳")]
    [InlineData("昭和99年頃")]
    [InlineData("令和元年4月日不詳")]
    public void An_impossible_unknown_form_is_rejected(string written) => Rejected(written).ShouldBe("date.era-out-of-range");

    [Theory]
    [InlineData("3640200")]   // 昭和64年2月日不詳
    [InlineData("4310500")]   // 平成31年5月日不詳
    [InlineData("3990000")]   // 昭和99年月日不詳
    public void An_impossible_coded_unknown_date_is_rejected(string coded) => Rejected(coded).ShouldBe("date.era-out-of-range");

    [Fact]
    public void Showa64_January_unknown_day_is_possible() =>
        Kept("昭和64年1月日不詳").ShouldBe(new WarekiResult(null, true, "昭和64年1月日不詳", EraYear: "昭和64年"));

    [Theory]
    [InlineData("昭和22年13月日不詳")]
    [InlineData("昭和0年頃")]
    public void An_unknown_form_naming_no_real_month_or_year_is_invalid(string written) => Rejected(written).ShouldBe("date.invalid");

    [Fact]
    public void Text_in_no_form_is_a_format_error() => Rejected("昭和30年ごろか").ShouldBe("date.format");

    [Fact]
    public void Meiji45_and_Taisho1_July_30_are_the_same_day_with_distinct_eras()
    {
        var meiji = Kept("明治45年7月30日");
        var taisho = Kept("大正元年7月30日");

        meiji.Date.ShouldBe(new DateOnly(1912, 7, 30));
        taisho.Date.ShouldBe(meiji.Date);
        meiji.EraYear.ShouldBe("明治45年");
        taisho.EraYear.ShouldBe("大正元年");
        Kept("1450730").EraYear.ShouldBe("明治45年");
        Kept("2010730").EraYear.ShouldBe("大正元年");
    }

    [Theory]
    [InlineData("Y年頃", "needs an era")]
    [InlineData("*", "any text")]
    [InlineData("EY年D日", "without a month")]
    [InlineData("EY年YY", "more than once")]
    public void A_form_that_cannot_mean_a_time_is_refused(string form, string message) =>
        Should.Throw<FormatException>(() => WarekiUnknownForm.Compile(form)).Message.ShouldContain(message);
}
