namespace Migrate.Samples;

/// <summary>The fixed days vendor A's simulation and layout depend on (never the clock).</summary>
internal static class VendorACalendar
{
    /// <summary>The "as of" date of the export.</summary>
    public static readonly int BaseDay = Wareki.Day(2025, 3, 31);

    public static readonly int MinBirth = Wareki.Day(1915, 1, 1);
    public static readonly int JapaneseArrivalFrom = Wareki.Day(1965, 4, 1);
    public static readonly int ForeignArrivalFrom = Wareki.Day(2012, 7, 9); // 外国人住民 in 住基 since this day
    public static readonly int TestArrivalFrom = Wareki.Day(2010, 4, 1);
    public static readonly int ShienFrom = Wareki.Day(2004, 7, 1);

    // The days the legacy system started filling a column: earlier history rows leave it empty.
    public static readonly int JukiCodeFrom = Wareki.Day(2002, 8, 5);
    public static readonly int MyNumberFrom = Wareki.Day(2015, 10, 5);
    public static readonly int KyuujiFrom = Wareki.Day(2019, 11, 5);
    public static readonly int ShienFlagColumnFrom = Wareki.Day(2004, 1, 1);

    public static int AddMonths(int day, int months) => DateOnly.FromDayNumber(day).AddMonths(months).DayNumber;

    public static int AgeAt(int birth, int day) => (int)((day - birth) / 365.2425);
}

/// <summary>宛名番号, 世帯番号 and test-record numbers, handed out in order (modulus-11 check digit).</summary>
internal sealed class ResidentNumbers
{
    private long _atena;
    private long _setai;
    private long _test;

    public long NextAtena() => CheckDigits.WithModulus11(++_atena);

    public long NextSetai() => CheckDigits.WithModulus11(++_setai);

    /// <summary>Test records live in the 999… range the mapping filters out.</summary>
    public long NextTest() => CheckDigits.WithModulus11(999_000_000L + (++_test));
}
