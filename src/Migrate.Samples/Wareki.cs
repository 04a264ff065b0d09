namespace Migrate.Samples;

/// <summary>Japanese era arithmetic for vendor A's 1-digit era codes (1 明治 … 5 令和), dates as DateOnly day numbers.</summary>
internal static class Wareki
{
    public static readonly int TaishoStart = Day(1912, 7, 30);
    public static readonly int ShowaStart = Day(1926, 12, 25);
    public static readonly int HeiseiStart = Day(1989, 1, 8);
    public static readonly int ReiwaStart = Day(2019, 5, 1);

    private static readonly byte[] Letters = "?MTSHR"u8.ToArray();

    public static int Day(int year, int month, int day) => new DateOnly(year, month, day).DayNumber;

    /// <summary>Era code 1–5 and the year within the era (元年 = 1) for a Gregorian day.</summary>
    public static (int Era, int Year) Of(int dayNumber, int gregorianYear)
    {
        if (dayNumber >= ReiwaStart)
        {
            return (5, gregorianYear - 2018);
        }

        if (dayNumber >= HeiseiStart)
        {
            return (4, gregorianYear - 1988);
        }

        if (dayNumber >= ShowaStart)
        {
            return (3, gregorianYear - 1925);
        }

        if (dayNumber >= TaishoStart)
        {
            return (2, gregorianYear - 1911);
        }

        return (1, gregorianYear - 1867);
    }

    public static byte Letter(int era) => Letters[era];

    private static readonly string[] Names = ["", "明治", "大正", "昭和", "平成", "令和"];

    public static string Name(int era) => Names[era];

    /// <summary>The year as written in 和暦: 元 for the first year.</summary>
    public static string YearText(int year) => year == 1 ? "元" : year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The year as typed with full-width digits (３０), 元 for the first year.</summary>
    public static string FullWidthYear(int year) =>
        year == 1 ? "元" : string.Concat(year.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０')));

    /// <summary>
    /// A day that is not on the calendar (暦上日以外) in the era and year of <paramref name="dayNumber"/>:
    /// 2月29日 of a common year (2月30日 of a leap year), else the 31st of a 30-day month, in a month the era had;
    /// null when the era year has no such month (昭和64年).
    /// </summary>
    public static (int Era, int Year, int Month, int Day)? NotOnCalendar(int dayNumber)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        var (era, year) = Of(dayNumber, date.Year);
        foreach (var (month, day) in new[] { (2, DateTime.IsLeapYear(date.Year) ? 30 : 29), (4, 31), (6, 31), (9, 31), (11, 31) })
        {
            var first = Day(date.Year, month, 1);
            var last = Day(date.Year, month, DateTime.DaysInMonth(date.Year, month));
            if (Of(first, date.Year).Era == era || Of(last, date.Year).Era == era) return (era, year, month, day);
        }

        return null; // 昭和64年 had January only, which has 31 days
    }

    /// <summary>GYYMMDD, e.g. 3500301 for 昭和50年3月1日.</summary>
    public static void Write(CsvByteWriter w, int dayNumber)
    {
        var d = DateOnly.FromDayNumber(dayNumber);
        var (era, year) = Of(dayNumber, d.Year);
        WriteParts(w, era, year, d.Month, d.Day);
    }

    /// <summary>GYYMMDD from raw parts (used for 不詳 zeros and the deliberate defects).</summary>
    public static void WriteParts(CsvByteWriter w, int era, int year, int month, int day)
    {
        w.Byte((byte)('0' + era));
        w.Digits(year, 2);
        w.Digits(month, 2);
        w.Digits(day, 2);
    }

    /// <summary>GYY.MM.DD with the era letter, e.g. S50.03.01.</summary>
    public static void WriteLetter(CsvByteWriter w, int dayNumber)
    {
        var d = DateOnly.FromDayNumber(dayNumber);
        var (era, year) = Of(dayNumber, d.Year);
        w.Byte(Letter(era));
        w.Digits(year, 2);
        w.Byte((byte)'.');
        w.Digits(d.Month, 2);
        w.Byte((byte)'.');
        w.Digits(d.Day, 2);
    }

    /// <summary>yyyyMMdd (西暦).</summary>
    public static void WriteGregorian(CsvByteWriter w, int dayNumber)
    {
        var d = DateOnly.FromDayNumber(dayNumber);
        w.Digits(d.Year, 4);
        w.Digits(d.Month, 2);
        w.Digits(d.Day, 2);
    }
}
