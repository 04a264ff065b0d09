using System.Collections.Frozen;
using System.Text;

namespace Migrate.Core.Text;

/// <summary>
/// The 398 Windows-31J (CP932) codes that .NET's code page 932 table does not decode: the codes
/// Microsoft's table (CP932.TXT) gives a character that already has another code, which Windows
/// decodes but .NET rejects (its decoding table holds only round-trip codes). They are everyday
/// characters in names and addresses: 髙 at 0xEEE0, 﨑 at 0xED95, ㈱ at 0xFA58, Ⅰ at 0xFA4A.
/// Each decodes to the character of its round-trip code, as Windows does:
/// <list type="bullet">
/// <item>NEC row 13 0x8790–0x879C: the duplicates of JIS X 0208 row 2 symbols (≒ ≡ ∫ √ ⊥ ∠ ∵ ∩ ∪);</item>
/// <item>NEC-selected IBM extensions 0xED40–0xEEEC: the IBM extension kanji 0xFA5C–0xFC4B in the same order;
/// 0xEEEF–0xEEFC: ⅰ–ⅹ, ￢, ￤, ＇, ＂ (IBM 0xFA40–0xFA49, 0x81CA, 0xFA55–0xFA57);</item>
/// <item>IBM extensions 0xFA4A–0xFA5B: Ⅰ–Ⅹ (NEC 0x8754–0x875D), ￢ (0x81CA), ㈱ № ℡ (NEC 0x878A, 0x8782, 0x8784), ∵ (0x81E6).</item>
/// </list>
/// The ranges were checked code by code against Python's cp932 codec (built from CP932.TXT); the
/// sweep test in Cp932DecodingTests compares every lead/trail pair with that table.
/// </summary>
internal static class Cp932DuplicateCodes
{
    // (first duplicate code, first round-trip code, count), counted in Shift_JIS trail-byte order.
    private static readonly (int Duplicate, int RoundTrip, int Count)[] Ranges =
    [
        (0x8790, 0x81E0, 1), (0x8791, 0x81DF, 1), (0x8792, 0x81E7, 1), (0x8795, 0x81E3, 1), (0x8796, 0x81DB, 1),
        (0x8797, 0x81DA, 1), (0x879A, 0x81E6, 1), (0x879B, 0x81BF, 1), (0x879C, 0x81BE, 1),
        (0xED40, 0xFA5C, 360), (0xEEEF, 0xFA40, 10), (0xEEF9, 0x81CA, 1), (0xEEFA, 0xFA55, 3),
        (0xFA4A, 0x8754, 10), (0xFA54, 0x81CA, 1), (0xFA58, 0x878A, 1), (0xFA59, 0x8782, 1), (0xFA5A, 0x8784, 1),
        (0xFA5B, 0x81E6, 1),
    ];

    /// <summary>Duplicate code (lead byte × 256 + trail byte) → its character.</summary>
    public static FrozenDictionary<int, char> Characters { get; } = Build();

    private static FrozenDictionary<int, char> Build()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var roundTrip = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var map = new Dictionary<int, char>();
        Span<byte> pair = stackalloc byte[2];
        foreach (var (duplicate, original, count) in Ranges)
        {
            var (d, o) = (duplicate, original);
            for (var i = 0; i < count; i++, d = Next(d), o = Next(o))
            {
                pair[0] = (byte)(o >> 8);
                pair[1] = (byte)o;
                map.Add(d, roundTrip.GetString(pair)[0]);
            }
        }
        return map.ToFrozenDictionary();
    }

    /// <summary>The next double-byte code: trail bytes run 0x40–0x7E, 0x80–0xFC.</summary>
    private static int Next(int code) => (code & 0xFF) switch
    {
        0x7E => code + 2,
        0xFC => (code & 0xFF00) + 0x100 + 0x40,
        _ => code + 1,
    };
}
