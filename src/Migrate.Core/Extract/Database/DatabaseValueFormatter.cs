using System.Globalization;

namespace Migrate.Core.Extract.Database;

/// <summary>
/// Renders a database value as the staging text the map stage reads, the same for every driver so
/// that one mapping gives identical output on SQLite, PostgreSQL and SQL Server: NULL → empty,
/// integers and decimals invariant (never an exponent; a decimal keeps the scale the database
/// reports), dates <c>yyyy-MM-dd</c>, date-times <c>yyyy-MM-ddTHH:mm:ss[.fffffff]</c>, booleans
/// <c>1</c>/<c>0</c> (SQLite has no boolean and stores 1/0), GUIDs lowercase. Binary values are not
/// text and are refused (the caller rejects the record with <c>database.binary</c>).
/// </summary>
internal static class DatabaseValueFormatter
{
    public static bool TryFormat(object? value, out string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        text = "";
        switch (value)
        {
            case null or DBNull:
                return true;
            case string s:
                text = s;
                return true;
            case char c:
                text = c.ToString();
                return true;
            case bool b:
                text = b ? "1" : "0";
                return true;
            case long or int or short or sbyte or byte or ulong or uint or ushort:
                text = Convert.ToString(value, invariant)!;
                return true;
            case decimal m:
                text = m.ToString(invariant);
                return true;
            case double d:
                text = Real(d);
                return true;
            case float f:
                text = Real(f);
                return true;
            case DateOnly date:
                text = date.ToString("yyyy-MM-dd", invariant);
                return true;
            case DateTime dateTime:
                text = dateTime.TimeOfDay == TimeSpan.Zero
                    ? dateTime.ToString("yyyy-MM-dd", invariant)
                    : dateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", invariant);
                return true;
            case DateTimeOffset offset:
                text = offset.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", invariant);
                return true;
            case TimeOnly time:
                text = time.ToString("HH:mm:ss.FFFFFFF", invariant);
                return true;
            case TimeSpan span:
                text = span.ToString("c", invariant);
                return true;
            case Guid guid:
                text = guid.ToString("D");
                return true;
            case byte[]:
                return false;
            default:
                text = Convert.ToString(value, invariant) ?? "";
                return true;
        }
    }

    /// <summary>Shortest round-trip digits, written out without an exponent (1E+20 → 100000000000000000000).</summary>
    private static string Real(double value)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (double.IsNaN(value) || double.IsInfinity(value)) return value.ToString(invariant);
        var r = value.ToString("R", invariant);
        var e = r.IndexOfAny(['E', 'e']);
        if (e < 0) return r;
        var exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, invariant);
        var mantissa = r[..e];
        var negative = mantissa.StartsWith('-');
        if (negative) mantissa = mantissa[1..];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        string plain;
        if (point <= 0) plain = "0." + new string('0', -point) + digits;
        else if (point >= digits.Length) plain = digits + new string('0', point - digits.Length);
        else plain = digits[..point] + "." + digits[point..];
        return negative ? "-" + plain : plain;
    }
}
