using System.Numerics;

namespace Migrate.Core.Text;

/// <summary>
/// The standard's date form, YYYY-MM-DD, read without DateOnly.TryParseExact: the general parser
/// took 40% of the map stage (dotnet-trace), and this form needs no culture or pattern machinery.
/// </summary>
public static class IsoDate
{
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date) => TryParse<char>(text, out date);

    /// <summary>
    /// The same form read from UTF-8 (or ASCII) bytes, as mapped files hold it; read directly, as
    /// a load reads every date of every row more than once (its check, its hash, its binary form).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateOnly date) => TryParse<byte>(utf8, out date);

    private static bool TryParse<T>(ReadOnlySpan<T> text, out DateOnly date) where T : IBinaryInteger<T>
    {
        date = default;
        if (text.Length != 10 || !IsDash(text[4]) || !IsDash(text[7])) return false;
        if (!Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>YYYY-MM-DD, as DateOnly.ToString("yyyy-MM-dd", invariant) writes it, without the format machinery.</summary>
    public static string Format(DateOnly date)
    {
        Span<byte> ascii = stackalloc byte[10];
        return System.Text.Encoding.ASCII.GetString(Utf8(date, ascii));
    }

    /// <summary>YYYY-MM-DD as UTF-8 into <paramref name="buffer"/> (at least 10 bytes); returns the written part.</summary>
    public static ReadOnlySpan<byte> Utf8(DateOnly date, Span<byte> buffer)
    {
        Put(buffer[..4], date.Year);
        buffer[4] = (byte)'-';
        Put(buffer.Slice(5, 2), date.Month);
        buffer[7] = (byte)'-';
        Put(buffer.Slice(8, 2), date.Day);
        return buffer[..10];
    }

    private static void Put(Span<byte> digits, int value)
    {
        for (var i = digits.Length - 1; i >= 0; i--, value /= 10) digits[i] = (byte)('0' + value % 10);
    }

    private static bool IsDash<T>(T c) where T : IBinaryInteger<T> => int.CreateTruncating(c) == '-';

    private static bool Digits<T>(ReadOnlySpan<T> text, out int value) where T : IBinaryInteger<T>
    {
        value = 0;
        foreach (var c in text)
        {
            var digit = int.CreateTruncating(c) - '0';
            if ((uint)digit > 9) return false;
            value = value * 10 + digit;
        }
        return true;
    }
}
