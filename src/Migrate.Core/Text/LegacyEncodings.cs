using System.Text;

namespace Migrate.Core.Text;

/// <summary>
/// The encodings legacy exports come in, always with exception fallbacks: .NET's default replacement
/// fallback would silently turn an undecodable byte into '?' or U+FFFD.
/// Shift_JIS is read as CP932 (Windows-31J, with every NEC/IBM extension code and the user-defined area
/// 0xF040–0xF9FC → U+E000–U+E757), never as Shift_JIS-2004.
/// </summary>
internal static class LegacyEncodings
{
    public static IReadOnlyList<string> Names { get; } = ["cp932", "shift_jis", "euc-jp", "utf-8", "utf-16", "utf-16le", "utf-16be"];

    /// <summary>UTF-16 in any byte order (<c>utf-16</c> reads the byte order mark, little-endian without one).</summary>
    public static bool IsUtf16(string name) => Normalize(name).StartsWith("utf-16", StringComparison.Ordinal);

    public static bool IsKnown(string name) => Names.Contains(Normalize(name));

    public static Encoding Strict(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Normalize(name) switch
        {
            // .NET's table lacks the Windows-31J duplicate codes (NEC row 13, NEC-selected IBM and IBM
            // extensions): the fallback decodes those as Windows does and rejects everything else.
            "cp932" or "shift_jis" => Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, new Cp932DecoderFallback()),
            "euc-jp" => Encoding.GetEncoding(51932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            "utf-8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
            "utf-16" or "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true),
            "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown encoding"),
        };
    }

    /// <summary>The name people know the encoding by, for messages.</summary>
    public static string DisplayName(string name) => Normalize(name) switch
    {
        "cp932" or "shift_jis" => "CP932 (Shift_JIS)",
        "euc-jp" => "EUC-JP",
        "utf-8" => "UTF-8",
        var other => other.ToUpperInvariant(),
    };

    public static string Normalize(string name) => name.Trim().ToLowerInvariant() switch
    {
        "sjis" or "shift-jis" or "windows-31j" or "ms932" => "cp932",
        "eucjp" => "euc-jp",
        "utf8" => "utf-8",
        "utf16" or "unicode" => "utf-16",
        var other => other,
    };
}
