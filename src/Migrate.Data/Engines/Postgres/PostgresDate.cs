namespace Migrate.Data.Engines.Postgres;

/// <summary>A date as PostgreSQL stores, sends, receives and hashes it: a count of days from 2000-01-01.</summary>
internal static class PostgresDate
{
    private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;

    public static int Days(DateOnly date) => date.DayNumber - Epoch;

    /// <summary>The .NET day number of PostgreSQL's <paramref name="days"/> (outside DateOnly's range for ±infinity and far dates).</summary>
    public static long DayNumber(int days) => Epoch + (long)days;
}
