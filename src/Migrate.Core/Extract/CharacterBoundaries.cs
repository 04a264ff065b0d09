namespace Migrate.Core.Extract;

/// <summary>
/// Finds a field of a fixed-width record that ends inside a multi-byte character, before decoding:
/// walking the field's bytes character by character in the source encoding, the last character must
/// end exactly at the field's end.
/// </summary>
internal static class CharacterBoundaries
{
    /// <summary>
    /// Bytes of the field's last character that lie beyond the field (0 when the field ends on a
    /// character boundary). Invalid sequences count as one-byte characters: decoding reports them.
    /// </summary>
    public static int Overrun(string encoding, ReadOnlySpan<byte> field)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        var name = encoding.Trim().ToLowerInvariant();
        var i = 0;
        while (i < field.Length) i += Width(name, field[i], i + 1 < field.Length ? field[i + 1] : (byte)0);
        return i - field.Length;
    }

    private static int Width(string encoding, byte b, byte next) => encoding switch
    {
        // Lead bytes 0x81–0x9F and 0xE0–0xFC (the user-defined area 0xF0–0xF9 included) take a trail byte.
        "cp932" or "shift_jis" or "sjis" or "shift-jis" or "windows-31j" or "ms932" => b is (>= 0x81 and <= 0x9F) or (>= 0xE0 and <= 0xFC) ? 2 : 1,
        "euc-jp" or "eucjp" => b switch { 0x8F => 3, 0x8E or (>= 0xA1 and <= 0xFE) => 2, _ => 1 },
        "utf-8" or "utf8" => b switch { >= 0xC2 and <= 0xDF => 2, >= 0xE0 and <= 0xEF => 3, >= 0xF0 and <= 0xF4 => 4, _ => 1 },
        // UTF-16: two bytes per unit; a high surrogate takes a second unit.
        "utf-16be" => b is >= 0xD8 and <= 0xDB ? 4 : 2,
        _ => next is >= 0xD8 and <= 0xDB ? 4 : 2,
    };
}
