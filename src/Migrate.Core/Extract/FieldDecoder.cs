using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Text;

namespace Migrate.Core.Extract;

/// <summary>
/// Decodes one field from its raw bytes with the strict legacy encoding. The CSV layer reads the
/// file as Latin-1, where every byte is one char, so quoting and delimiters are found without
/// decoding, byte offsets stay exact, and an undecodable byte is pinned to its field.
/// This works because no CP932, EUC-JP or UTF-8 multi-byte sequence contains the bytes of
/// ',', '"', CR or LF. A decoder serves one record loop at a time (it keeps a scratch buffer).
/// </summary>
internal sealed class FieldDecoder(Encoding strict, string encodingName)
{
    // .NET's CP932 decodings of the unassigned bytes 0x80, 0xA0 and 0xFD-0xFF (HasUnassignedCp932).
    private static readonly SearchValues<char> Unassigned = SearchValues.Create("\u0080\uF8F0\uF8F1\uF8F2\uF8F3");

    private byte[] _bytes = new byte[256];

    public bool TryDecode(ReadOnlySpan<char> latin1Field, out string value, [NotNullWhen(false)] out Problem? problem)
    {
        problem = null;
        if (Ascii.IsValid(latin1Field))
        {
            value = new string(latin1Field);
            return true;
        }
        if (_bytes.Length < latin1Field.Length) _bytes = new byte[Math.Max(latin1Field.Length, _bytes.Length * 2)];
        var count = Encoding.Latin1.GetBytes(latin1Field, _bytes);
        return TryDecode(_bytes.AsSpan(0, count), out value, out problem);
    }

    /// <summary>Decodes raw bytes strictly; the problem names the offending bytes and their position in the field (1-based).</summary>
    public bool TryDecode(ReadOnlySpan<byte> bytes, out string value, [NotNullWhen(false)] out Problem? problem)
    {
        problem = null;
        try
        {
            value = strict.GetString(bytes);
            if (!HasUnassignedCp932(value, bytes, out problem)) return true;
            value = "";
            return false;
        }
        catch (DecoderFallbackException e)
        {
            value = "";
            var bad = e.BytesUnknown is { Length: > 0 } b
                ? string.Join(" ", b.Select(x => "0x" + x.ToString("X2", CultureInfo.InvariantCulture)))
                : "?";
            var at = e.Index >= 0 ? e.Index + 1 : 0;
            problem = new Problem(ErrorCodes.EncodingInvalid, $"bytes {bad} at byte {at} of the field are not valid {LegacyEncodings.DisplayName(encodingName)}");
            return false;
        }
    }

    /// <summary>
    /// .NET's CP932 table maps the unassigned single bytes 0x80, 0xA0 and 0xFD–0xFF to U+0080 and
    /// U+F8F0–U+F8F3 instead of failing; none of them is a character, so they are invalid bytes too.
    /// </summary>
    private bool HasUnassignedCp932(string value, ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out Problem? problem)
    {
        problem = null;
        if (strict.CodePage != 932) return false;
        var i = value.AsSpan().IndexOfAny(Unassigned);
        if (i >= 0)
        {
            var c = value[i];
            byte b = c switch { '\u0080' => 0x80, '\uF8F0' => 0xA0, '\uF8F1' => 0xFD, '\uF8F2' => 0xFE, _ => 0xFF };
            var at = bytes.IndexOf(b) + 1;
            problem = new Problem(ErrorCodes.EncodingInvalid, $"byte 0x{b:X2} at byte {at} of the field is not a character in {LegacyEncodings.DisplayName(encodingName)}");
            return true;
        }
        return false;
    }
}
