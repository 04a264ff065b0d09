using System.Text;
using Migrate.Core.Extract;
using Migrate.Core.Text;

namespace Migrate.Core.Authoring;

/// <summary>
/// Guesses a legacy file's encoding from its first bytes, for <c>init</c> when no <c>--encoding</c> is
/// given: a byte order mark decides (UTF-8, UTF-16LE/BE); NUL bytes in every other position mean UTF-16
/// without one; otherwise the candidates are tried strictly in turn — UTF-8 (only when some byte is not
/// ASCII: pure ASCII fits every legacy encoding and stays CP932), then CP932 and EUC-JP. When both of the
/// last decode, CP932 wins if any byte is one of its lead bytes 0x81–0x9F, which EUC-JP never uses.
/// </summary>
internal static class EncodingDetector
{
    private const int SampleBytes = 64 * 1024;

    /// <summary>The detected encoding (a <see cref="LegacyEncodings"/> name) and the length of its byte order mark.</summary>
    public static (string Encoding, int BomLength) Detect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var buffer = new byte[SampleBytes];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Detect(buffer.AsSpan(0, read), complete: read < SampleBytes);
    }

    /// <param name="complete">The sample is the whole file (else its last character may be cut and is not held against an encoding).</param>
    public static (string Encoding, int BomLength) Detect(ReadOnlySpan<byte> sample, bool complete)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return ("utf-8", 3);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return ("utf-16le", 2);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return ("utf-16be", 2);
        if (sample.Length >= 4)
        {
            int evenNul = 0, oddNul = 0;
            for (var i = 0; i < sample.Length; i++)
                if (sample[i] == 0) { if (i % 2 == 0) evenNul++; else oddNul++; }
            if (oddNul * 4 > sample.Length) return ("utf-16le", 0);
            if (evenNul * 4 > sample.Length) return ("utf-16be", 0);
        }
        if (!sample.ContainsAnyExceptInRange((byte)0, (byte)0x7F)) return ("cp932", 0);
        // A cut sample may end inside a character: judge all but its last few bytes.
        var judged = complete ? sample : sample[..Math.Max(0, sample.Length - 4)];
        if (Decodes("utf-8", judged)) return ("utf-8", 0);
        var cp932 = Decodes("cp932", judged);
        var eucJp = Decodes("euc-jp", judged);
        if (cp932 && eucJp) return (judged.ContainsAnyInRange((byte)0x81, (byte)0x9F) ? "cp932" : "euc-jp", 0);
        if (eucJp) return ("euc-jp", 0);
        return ("cp932", 0); // CP932 or undecidable: the common legacy encoding, whose strict decoding then names the bad record
    }

    private static bool Decodes(string name, ReadOnlySpan<byte> bytes)
    {
        try
        {
            LegacyEncodings.Strict(name).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
