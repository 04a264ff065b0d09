using System.Text;
using Migrate.Core.Text;

namespace Migrate.Core.Extract;

/// <summary>When bytes do not decode in the declared encoding, which of the usual ones would.</summary>
internal static class EncodingGuess
{
    /// <summary>
    /// Checks a first record that decoded without error for signs that the declared encoding is still
    /// wrong (UTF-8 text read as CP932 or EUC-JP decodes into plausible kanji; UTF-16 into NUL bytes).
    /// Returns a message naming the line, byte and likely encoding, or null when nothing is suspicious.
    /// </summary>
    public static string? Mismatch(ReadOnlySpan<byte> record, string declared, long line, int byteBase = 0)
    {
        ArgumentNullException.ThrowIfNull(declared);
        var name = LegacyEncodings.DisplayName(declared);
        var utf16 = LegacyEncodings.IsUtf16(declared);
        var nul = record.IndexOf((byte)0);
        if (!utf16 && nul >= 0)
            return $"line {line} is not valid {name} at byte {byteBase + nul + 1}: it holds NUL bytes; is the file {(nul % 2 == 1 ? "UTF-16LE" : "UTF-16BE")}?";
        if (utf16 || name == "UTF-8") return null;
        var firstHigh = record.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        if (firstHigh < 0) return null;
        // Real CP932 or EUC-JP Japanese text is practically never valid UTF-8 with 3-byte sequences.
        if (System.Text.Unicode.Utf8.IsValid(record) && record[firstHigh] is >= 0xE0 and <= 0xEF)
            return $"line {line} is not valid {name} at byte {byteBase + firstHigh + 1}: its bytes are UTF-8 multi-byte sequences; is the file UTF-8?";
        return null;
    }

    public static string? Suggest(ReadOnlySpan<byte> bytes, string declared)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return "utf-8";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return "utf-16le";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return "utf-16be";
        foreach (var candidate in new[] { "utf-8", "cp932", "euc-jp" })
        {
            if (string.Equals(candidate, declared, StringComparison.OrdinalIgnoreCase)) continue;
            try
            {
                LegacyEncodings.Strict(candidate).GetString(bytes);
                return candidate;
            }
            catch (DecoderFallbackException)
            {
                // Not this one either.
            }
        }
        return null;
    }
}
