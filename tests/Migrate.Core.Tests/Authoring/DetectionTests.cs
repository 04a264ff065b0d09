using System.Text;
using Migrate.Core.Authoring;
using Migrate.Core.Standard;

namespace Migrate.Core.Tests.Authoring;

/// <summary>What init recognises in a legacy export: encodings, date spellings, numbers that are not dates, text codes.</summary>
public sealed class DetectionTests : IDisposable
{
    private static readonly Encoding Cp932 = CodePages(932);
    private static readonly Encoding EucJp = CodePages(51932);
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-detect-").FullName;
    private static readonly StandardDefinition Juki = BundledStandards.Load("juki")!;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Encoding CodePages(int page)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(page);
    }

    private const string Text = "宛名番号,氏名,生年月日\r\n0000000019,山本　久美子,昭和45年3月2日\r\n";

    public static TheoryData<string, string, int> Encodings() => new()
    {
        { "utf-8 with BOM", "utf-8", 3 },
        { "utf-8", "utf-8", 0 },
        { "cp932", "cp932", 0 },
        { "euc-jp", "euc-jp", 0 },
        { "utf-16le with BOM", "utf-16le", 2 },
        { "utf-16be with BOM", "utf-16be", 2 },
        { "utf-16le", "utf-16le", 0 },
    };

    private static byte[] Bytes(string form) => form switch
    {
        "utf-8 with BOM" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)],
        "utf-8" => Encoding.UTF8.GetBytes(Text),
        "cp932" => Cp932.GetBytes(Text),
        "euc-jp" => EucJp.GetBytes(Text),
        "utf-16le with BOM" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Text)],
        "utf-16be with BOM" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Text)],
        "utf-16le" => Encoding.Unicode.GetBytes(Text),
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void The_encoding_is_detected_from_the_bytes(string form, string expected, int bom)
    {
        EncodingDetector.Detect(Bytes(form), complete: true).ShouldBe((expected, bom));
    }

    [Fact]
    public void Pure_ascii_stays_cp932_the_common_legacy_encoding()
    {
        EncodingDetector.Detect("ATENA_NO,SEX\r\n1,M\r\n"u8, complete: true).ShouldBe(("cp932", 0));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Profiling_detects_the_encoding_and_keeps_the_BOM_out_of_the_first_header(string form, string expected, int bom)
    {
        _ = bom;
        var path = Path.Combine(_dir, "住民.csv");
        await File.WriteAllBytesAsync(path, Bytes(form), TestContext.Current.CancellationToken);

        var profile = await SourceProfiler.ProfileAsync(path, null, ',', true, null, TestContext.Current.CancellationToken);

        profile.Encoding.ShouldBe(expected);
        profile.Columns.Select(c => c.Name).ShouldBe(["宛名番号", "氏名", "生年月日"]);
        profile.Records.ShouldBe(1);
        profile.Unreadable.ShouldBe(0);
        profile.Columns[2].DatePatterns.Keys.ShouldBe([DatePatterns.EraKanji]);
    }

    [Fact]
    public async Task A_wrong_encoding_given_by_hand_names_the_one_detected()
    {
        var path = Path.Combine(_dir, "u.csv");
        await File.WriteAllBytesAsync(path, Bytes("utf-8"), TestContext.Current.CancellationToken);

        var error = await Should.ThrowAsync<Diagnostics.MigrateException>(() => SourceProfiler.ProfileAsync(path, "euc-jp", ',', true, null, TestContext.Current.CancellationToken));

        error.Message.ShouldBe("u.csv: the first line is not valid EUC-JP; the file looks like UTF-8: give --encoding utf-8, or leave --encoding out to use what is detected");
    }

    [Theory]
    [InlineData("昭和45年3月2日", DatePatterns.EraKanji)]
    [InlineData("平成元年5月1日", DatePatterns.EraKanji)]
    [InlineData("令和2年12月31日", DatePatterns.EraKanji)]
    [InlineData("3500301", DatePatterns.EraCompact)]
    [InlineData("S500301", DatePatterns.EraCompact)]
    [InlineData("3500000", DatePatterns.EraCompact)]      // 00 month and day: 不詳 in the era-code forms
    [InlineData("S50.03.01", DatePatterns.EraDotted)]
    [InlineData("1985/04/01", DatePatterns.Slash)]
    [InlineData("1985/4/1", DatePatterns.Slash)]
    [InlineData("1985-4-1", DatePatterns.Dash)]
    [InlineData("1985-04-01", DatePatterns.Iso)]
    [InlineData("1985.04.01", DatePatterns.Dot)]
    [InlineData("19850401", DatePatterns.Compact)]
    public void Date_spellings_are_recognised(string value, string pattern)
    {
        DatePatterns.Of(value).ShouldBe(pattern);
    }

    [Theory]
    [InlineData("139.7671")]     // a longitude
    [InlineData("35.6812")]      // a latitude
    [InlineData("1020094")]      // a postal code: month 00 with a day is no date
    [InlineData("3571399")]      // month 13
    [InlineData("12345")]
    [InlineData("1985/13/01")]
    [InlineData("昭和45年13月2日")]
    public void Numbers_that_are_not_dates_are_not_taken_for_dates(string value)
    {
        DatePatterns.Of(value).ShouldBeNull();
    }

    [Theory]
    [InlineData("不詳")]
    [InlineData("年月日不詳")]
    [InlineData("昭和20年頃")]
    [InlineData("昭和20年不詳")]
    [InlineData("明治40年月日不詳")]
    [InlineData("昭和22年3月日不詳")]
    [InlineData("平成元年頃")]
    public void Unknown_date_spellings_are_recognised_to_be_kept_as_written(string value)
    {
        DatePatterns.IsUnknown(value).ShouldBeTrue();
        DatePatterns.Of(value).ShouldBeNull();
    }

    [Fact]
    public void Full_width_digits_are_read_as_ascii()
    {
        DatePatterns.Of(DatePatterns.FoldDigits("昭和４５年３月２日")).ShouldBe(DatePatterns.EraKanji);
        DatePatterns.Of(DatePatterns.FoldDigits("１９８５／０４／０１")).ShouldBe(DatePatterns.Slash);
    }

    [Fact]
    public void A_column_of_longitudes_is_a_decimal_column_not_wareki()
    {
        var profiler = new ColumnProfiler("経度");
        foreach (var v in new[] { "139.7671", "139.7491", "135.5023", "141.3544" }) profiler.Add(v);

        var column = profiler.Result();

        column.InferredType.ShouldBe("decimal");
        column.WarekiLike.ShouldBe(0);
        column.DatePatterns.ShouldBeEmpty();
    }

    [Fact]
    public void A_column_mixing_wareki_and_seireki_reports_both_patterns_and_its_unknown_forms()
    {
        var profiler = new ColumnProfiler("生年月日");
        foreach (var v in new[] { "昭和45年3月2日", "平成元年5月1日", "1985/04/01", "昭和20年頃", "昭和20年頃" }) profiler.Add(v);

        var column = profiler.Result();

        column.DatePatterns.ShouldBe(new Dictionary<string, long> { [DatePatterns.EraKanji] = 2, [DatePatterns.Slash] = 1 }, ignoreOrder: true);
        column.UnknownDates.ShouldBe(new Dictionary<string, long> { ["昭和20年頃"] = 2 });
        column.InferredType.ShouldBe("date (EY年M月D日, YYYY/M/D, 不詳)");
    }

    [Fact]
    public void A_typed_unknown_date_is_kept_as_written_and_only_dates_in_a_pattern_count_as_full_width()
    {
        var profiler = new ColumnProfiler("生年月日");
        foreach (var v in new[] { "3450302", "昭和３０年頃", "昭和３０年頃" }) profiler.Add(v);
        profiler.Result().UnknownDates.ShouldBe(new Dictionary<string, long> { ["昭和３０年頃"] = 2 });
        profiler.Result().FullWidthDates.ShouldBe(0);

        profiler.Add("昭和４５年３月２日");
        profiler.Result().FullWidthDates.ShouldBe(1);
    }

    [Fact]
    public void Text_coded_values_map_to_codes_by_the_standard_s_code_names()
    {
        var seibetsu = Juki.FindCodeList("seibetsu")!;
        var zokugara = Juki.FindCodeList("zokugara")!;
        var ido = Juki.FindCodeList("ido_jiyu")!;

        CodeNames.Exact(seibetsu, "男").ShouldBe("1");
        CodeNames.Exact(seibetsu, "女").ShouldBe("2");
        CodeNames.Exact(zokugara, "世帯主", 4).ShouldBe("02");
        CodeNames.Exact(zokugara, "子の妻", 4).ShouldBe("2012");
        CodeNames.Exact(zokugara, "孫", 4).ShouldBeNull();
        CodeNames.Exact(seibetsu, "1").ShouldBeNull();                        // digits are codes, not names
        CodeNames.Exact(ido, "転入").ShouldBeNull();                           // not a name of the list: a decision
        CodeNames.Candidates(ido, "転入").ShouldBe(["01", "02"]);              // 国内転入, 国外転入等
        CodeNames.Candidates(seibetsu, "男性").ShouldBe(["1"]);
    }
}
