using System.Text;

namespace Migrate.Core.Extract;

/// <summary>When bytes do not decode in the declared encoding, which of the usual ones would.</summary>
public static class EncodingGuess
{
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
