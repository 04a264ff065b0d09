using System.Text;

namespace Migrate.Core.Extract;

/// <summary>
/// A field of a rejected record's raw bytes, taken only when it is plain ASCII: a person number (宛名番号)
/// or a flag is, so it can be read even when another field of the record cannot be decoded.
/// </summary>
internal static class RecoveredValue
{
    /// <summary>The field without padding blanks and enclosing quotes, or null when any byte is not printable ASCII.</summary>
    public static string? Ascii(ReadOnlySpan<byte> field)
    {
        field = field.Trim((byte)' ');
        if (field.Length >= 2 && field[0] == '"' && field[^1] == '"') field = field[1..^1];
        foreach (var b in field)
            if (b is < 0x20 or > 0x7E or (byte)'"') return null;
        return Encoding.ASCII.GetString(field);
    }
}
