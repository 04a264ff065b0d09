using System.Text.RegularExpressions;

namespace Migrate.Core.Authoring;

/// <summary>
/// Recognises how one legacy value writes a date, as a pattern of the mapping's <c>date_formats</c>
/// (see <see cref="Text.WarekiPattern"/>): GYYMMDD and GYY.MM.DD (era code or letter), EY年M月D日
/// (era name, 元年 too), YYYY/M/D, YYYY-M-D, YYYY.M.D and YYYYMMDD (西暦), with month and day in range
/// (00 allowed only in the era-code forms, where it means 不詳). A 不詳 spelling (年月日不詳, 昭和20年頃,
/// 平成3年5月日不詳 …) is recognised separately, so it can be kept word for word. Decimal numbers such
/// as longitudes (139.7671) and 7-digit numbers with an impossible month are not dates.
/// Full-width digits are read as ASCII (the draft then adds <c>halfwidth-ascii</c> for a column whose
/// dates have them; a 不詳 spelling with them is kept as written).
/// </summary>
internal static partial class DatePatterns
{
    public const string EraCompact = "GYYMMDD";
    public const string EraDotted = "GYY.MM.DD";
    public const string EraKanji = "EY年M月D日";
    public const string Slash = "YYYY/M/D";
    public const string Dash = "YYYY-M-D";
    public const string Dot = "YYYY.M.D";
    public const string Compact = "YYYYMMDD";
    public const string Iso = "YYYY-MM-DD";

    /// <summary>The pattern the value is written in, or null when it is not a date this recognises.</summary>
    public static string? Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (EraCodeForm().Match(value) is { Success: true } era)
            return InRange(era.Groups["m"].Value, era.Groups["d"].Value, zeroAllowed: true) ? (era.Groups["dot"].Success ? EraDotted : EraCompact) : null;
        if (EraKanjiForm().Match(value) is { Success: true } kanji)
            return InRange(kanji.Groups["m"].Value, kanji.Groups["d"].Value, zeroAllowed: false) ? EraKanji : null;
        if (GregorianForm().Match(value) is { Success: true } g)
        {
            if (!InRange(g.Groups["m"].Value, g.Groups["d"].Value, zeroAllowed: false)) return null;
            var year = int.Parse(g.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (year is < 1868 or > 2200) return null;
            return g.Groups["sep"].Value switch
            {
                "/" => Slash,
                "." => Dot,
                "-" => g.Groups["m"].Length == 2 && g.Groups["d"].Length == 2 ? Iso : Dash,
                _ => g.Groups["m"].Length == 2 && g.Groups["d"].Length == 2 ? Compact : null,
            };
        }
        return null;
    }

    /// <summary>Whether the value is a 不詳 spelling: 不詳, 年月日不詳, 昭和20年不詳, 昭和30年頃, 明治40年月日不詳, 昭和22年3月日不詳 ….</summary>
    public static bool IsUnknown(string value) => UnknownForm().IsMatch(value ?? "");

    /// <summary>Full-width digits folded to ASCII, for recognising 昭和４５年３月２日 like 昭和45年3月2日.</summary>
    public static string FoldDigits(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(c => c is >= '０' and <= '９' or '／' or '．' or '－')) return value;
        return string.Concat(value.Select(c => c switch
        {
            >= '０' and <= '９' => (char)('0' + (c - '０')),
            '／' => '/',
            '．' => '.',
            '－' => '-',
            _ => c,
        }));
    }

    private static bool InRange(string month, string day, bool zeroAllowed)
    {
        var m = int.Parse(month, System.Globalization.CultureInfo.InvariantCulture);
        var d = int.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var min = zeroAllowed ? 0 : 1;
        return m >= min && m <= 12 && d >= min && d <= 31 && !(m == 0 && d != 0);
    }

    [GeneratedRegex(@"^[0-9MTSHR](?<y>[0-9]{2})(?<dot>\.)?(?<m>[0-9]{2})(?(dot)\.)(?<d>[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex EraCodeForm();

    [GeneratedRegex(@"^(明治|大正|昭和|平成|令和)(元|[0-9]{1,2})年(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})日$", RegexOptions.CultureInvariant)]
    private static partial Regex EraKanjiForm();

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<sep>[/.\-]?)(?<m>[0-9]{1,2})\k<sep>(?<d>[0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex GregorianForm();

    [GeneratedRegex(@"^((明治|大正|昭和|平成|令和)(元|[0-9]{1,2})年([0-9]{1,2}月)?)?(年?月?日?不詳|頃)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownForm();
}
