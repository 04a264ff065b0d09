using System.Globalization;
using Migrate.Core.Standard;

namespace Migrate.Core.Load;

/// <summary>
/// The text a value has in a mapped file (ISO dates, integers without leading zeros, flags 0/1,
/// NULL distinct from empty), rebuilt from what a database returns, so that a checksum over rows
/// read back from any target equals the checksum over the mapped file.
/// </summary>
public static class CanonicalValue
{
    /// <summary>A mapped value in canonical form; only decimals need it (trailing zeros are not significant).</summary>
    public static string? FromMapped(ItemType type, string? value) =>
        type == ItemType.Decimal && value is not null
        && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? Decimal(number)
            : value;

    /// <summary>A value as a driver returns it (DBNull, string, integer types, bool, decimal, double, date).</summary>
    public static string? FromDatabase(ItemType type, object? value) => value switch
    {
        null or DBNull => null,
        string text => FromMapped(type, text),
        bool flag => flag ? "1" : "0",
        DateOnly date => Date(date),
        DateTime dateTime => Date(DateOnly.FromDateTime(dateTime)),
        decimal number => Decimal(number),
        // SQLite keeps NUMERIC values that fit as REAL.
        double real when type == ItemType.Decimal => Decimal((decimal)real),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Dividing by 1.000…0 drops trailing zeros: 1.50 and 1.5000000000 both become "1.5".
    private static string Decimal(decimal number) =>
        (number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
