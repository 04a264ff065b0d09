using System.Text;
using Migrate.Core.Diagnostics;

namespace Migrate.Core.Extract;

/// <summary>
/// Zoned and packed decimal fields of fixed-width records, turned into plain decimal text that keeps
/// the field's digits (leading zeros included, so number-like keys survive), a leading '-' when
/// negative, and a '.' before the last <c>scale</c> digits.
/// </summary>
internal static class FixedNumbers
{
    /// <summary>
    /// Zoned decimal: one ASCII digit per byte; the sign may be overpunched in the last byte
    /// ('{', 'A'–'I' positive, '}', 'J'–'R' negative, as EBCDIC exports translate it; 'p'–'y' negative
    /// in ASCII zoned) or written as a leading '+' / '-'. Blank fields are empty.
    /// </summary>
    public static Problem? TryZoned(ReadOnlySpan<byte> bytes, int scale, out string value)
    {
        value = "";
        var trimmed = bytes.Trim((byte)' ');
        if (trimmed.IsEmpty) return null;
        var negative = false;
        if (trimmed[0] is (byte)'+' or (byte)'-')
        {
            negative = trimmed[0] == '-';
            trimmed = trimmed[1..];
        }
        var digits = new StringBuilder(trimmed.Length);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var b = trimmed[i];
            var last = i == trimmed.Length - 1;
            if (b is >= (byte)'0' and <= (byte)'9') digits.Append((char)b);
            else if (last && b == '{') digits.Append('0');
            else if (last && b is >= (byte)'A' and <= (byte)'I') digits.Append((char)('1' + b - 'A'));
            else if (last && b == '}') { digits.Append('0'); negative = true; }
            else if (last && b is >= (byte)'J' and <= (byte)'R') { digits.Append((char)('1' + b - 'J')); negative = true; }
            else if (last && b is >= (byte)'p' and <= (byte)'y') { digits.Append((char)('0' + b - 'p')); negative = true; }
            else return new Problem(ErrorCodes.FixedNumber, $"byte {i + 1} (0x{b:X2}) is not a digit of a zoned decimal");
        }
        if (digits.Length == 0) return new Problem(ErrorCodes.FixedNumber, "a zoned decimal with a sign but no digits");
        value = Format(digits.ToString(), negative, scale);
        return null;
    }

    /// <summary>Packed decimal (COMP-3): two BCD digits per byte, the last half-byte the sign (C, F, A, E positive; D, B negative).</summary>
    public static Problem? TryPacked(ReadOnlySpan<byte> bytes, int scale, out string value)
    {
        value = "";
        var digits = new StringBuilder(bytes.Length * 2);
        for (var i = 0; i < bytes.Length; i++)
        {
            var high = bytes[i] >> 4;
            var low = bytes[i] & 0x0F;
            if (high > 9) return new Problem(ErrorCodes.FixedNumber, $"byte {i + 1} (0x{bytes[i]:X2}) is not packed decimal");
            digits.Append((char)('0' + high));
            if (i < bytes.Length - 1)
            {
                if (low > 9) return new Problem(ErrorCodes.FixedNumber, $"byte {i + 1} (0x{bytes[i]:X2}) is not packed decimal");
                digits.Append((char)('0' + low));
            }
            else if (low < 0x0A)
            {
                return new Problem(ErrorCodes.FixedNumber, $"the last byte (0x{bytes[i]:X2}) of a packed decimal has no sign half-byte");
            }
        }
        var negative = (bytes[^1] & 0x0F) is 0x0D or 0x0B;
        value = Format(digits.ToString(), negative, scale);
        return null;
    }

    private static string Format(string digits, bool negative, int scale)
    {
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            digits = digits[..^scale] + "." + digits[^scale..];
        }
        return negative ? "-" + digits : digits;
    }
}
