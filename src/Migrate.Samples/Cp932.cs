using System.Text;

namespace Migrate.Samples;

/// <summary>Code page 932 (Windows-31J) with exception fallbacks, and text helpers for legacy exports.</summary>
internal static class Cp932
{
    private const string FullWidthKatakana =
        "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

    private const string Voiced = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
    private const string SemiVoiced = "パピプペポ";

    static Cp932()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Strict = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>CP932 that throws on any unmappable character or invalid byte sequence.</summary>
    public static Encoding Strict { get; }

    /// <summary>Encodes strictly: throws for characters outside CP932.</summary>
    public static byte[] Encode(string text) => Strict.GetBytes(text);

    /// <summary>Encodes a CSV field strictly, quoting it only when it holds a comma, quote, CR or LF.</summary>
    public static byte[] EncodeField(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return Encode(text);
        }

        return Encode("\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
    }

    /// <summary>
    /// Full-width katakana (and the ideographic space) to half-width katakana as legacy systems stored it:
    /// voiced marks become separate characters (ガ → ｶﾞ, パ → ﾊﾟ, ヴ → ｳﾞ).
    /// </summary>
    public static string ToHalfWidthKana(string katakana)
    {
        ArgumentNullException.ThrowIfNull(katakana);
        var sb = new StringBuilder(katakana.Length * 2);
        foreach (char c in katakana)
        {
            int i = FullWidthKatakana.IndexOf(c, StringComparison.Ordinal);
            if (i >= 0)
            {
                sb.Append((char)(0xFF61 + i));
            }
            else if (c == '　')
            {
                sb.Append(' ');
            }
            else if (c == 'ヴ')
            {
                sb.Append('ｳ').Append('ﾞ');
            }
            else if (Voiced.Contains(c, StringComparison.Ordinal))
            {
                sb.Append((char)(0xFF61 + FullWidthKatakana.IndexOf((char)(c - 1), StringComparison.Ordinal))).Append('ﾞ');
            }
            else if (SemiVoiced.Contains(c, StringComparison.Ordinal))
            {
                sb.Append((char)(0xFF61 + FullWidthKatakana.IndexOf((char)(c - 2), StringComparison.Ordinal))).Append('ﾟ');
            }
            else
            {
                throw new ArgumentException($"No half-width form for '{c}' in '{katakana}'.", nameof(katakana));
            }
        }

        return sb.ToString();
    }
}
