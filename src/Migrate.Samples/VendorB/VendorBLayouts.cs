using System.Globalization;

namespace Migrate.Samples;

/// <summary>A SETAI.DAT record: one household.</summary>
internal sealed record SetaiRow(long SetaiNo, long HeadAtena, FamilyAddress Address, string? Memo, DateOnly Updated, bool SplitCharacter);

/// <summary>A KOJIN.DAT record: one person (the master; history is in RIREKI.DAT).</summary>
internal sealed record KojinRow(
    long Atena, long SetaiNo, string Name, string Kana, DateOnly Birth, bool Male, string Honseki, string Hittosha,
    long MyNumber, long JukiCode, FamilySupport? Support);

/// <summary>A RIREKI.DAT record: one history snapshot of a person.</summary>
internal sealed record RirekiRow(
    long Atena, int Seq, string Zokugara, string Jotai, string Jiyu, DateOnly Ido, bool EraDefect, DateOnly Todokede, DateOnly Jumin, DateOnly Jutei);

/// <summary>SETAI.DAT (mappings/vendors/vendor-b/juki.yaml, source <c>setai</c>): 200 bytes + CR LF.</summary>
internal sealed class SetaiLayout : FixedLayout<SetaiRow>
{
    /// <summary>
    /// The legacy system cut a long address at byte 80 of the field, half-way through a double-byte character:
    /// 79 bytes of whole characters, then the lead byte of 漢 (0x8A) alone.
    /// </summary>
    private static readonly byte[] SplitAddress =
        [.. Cp932.Encode("東京都千代田区" + string.Concat(Enumerable.Repeat("漢字", 16)) + "ｱ"), 0x8A];

    private SetaiLayout()
        : base(
            VendorBSample.SetaiLength,
            Digits("SETAI_NO", 0, 10, r => r.SetaiNo),
            Digits("SETAINUSHI_NO", 10, 10, r => r.HeadAtena),
            Text("SHICHOSON_CD", 20, 6, _ => "131016"),
            Custom("JUSHO", 26, 80, (record, c, r) =>
            {
                if (r.SplitCharacter)
                {
                    record.Raw(c.Offset, SplitAddress);
                }
                else
                {
                    record.Text(c.Offset, c.Width, r.Address.Address);
                }
            }),
            Text("KATAGAKI", 106, 40, r => r.Address.Katagaki),
            Text("YUBIN", 146, 7, r => r.Address.Postal),
            Text("SETAI_MEMO", 153, 40, r => r.Memo), // the vendor's customization
            EraDate("KOSHIN_YMD", 193, r => r.Updated))
    {
    }

    public static SetaiLayout Instance { get; } = new();
}

/// <summary>KOJIN.DAT (source <c>kojin</c>): 227 bytes + CR LF; names in CP932 with 外字, readings in half-width katakana.</summary>
internal sealed class KojinLayout : FixedLayout<KojinRow>
{
    private KojinLayout()
        : base(
            VendorBSample.KojinLength,
            Digits("ATENA_NO", 0, 10, r => r.Atena),
            Digits("SETAI_NO", 10, 10, r => r.SetaiNo),
            Text("SHIMEI", 20, 40, r => r.Name),
            Text("KANA", 60, 40, r => r.Kana),
            Custom("SEINENGAPPI", 100, 7, (record, c, r) =>
            {
                // One person in 397 (by 宛名番号, so the random stream is untouched) was registered with a birth
                // date that is not on the calendar (暦上日以外, 2月29日 of a common year), which 1.1.8 keeps.
                if (r.Atena % 397 == 0 && Wareki.NotOnCalendar(r.Birth.DayNumber) is var (era, year, month, day))
                {
                    record.Text(c.Offset, c.Width, string.Create(CultureInfo.InvariantCulture, $"{era}{year:D2}{month:D2}{day:D2}"));
                }
                else
                {
                    WriteEraDate(record, c.Offset, r.Birth);
                }
            }),
            Text("SEIBETSU", 107, 1, r => r.Male ? "1" : "2"),
            Text("HONSEKI", 108, 60, r => r.Honseki),
            Text("HITTOSHA", 168, 20, r => r.Hittosha),
            Digits("KOJIN_NO", 188, 12, r => r.MyNumber),
            Digits("JUKI_CODE", 200, 11, r => r.JukiCode),
            Text("SHIEN_KBN", 211, 1, r => r.Support?.Kubun.ToString(CultureInfo.InvariantCulture)),
            EraDate("SHIEN_KAISHI", 212, r => r.Support?.Start),
            EraDate("SHIEN_SHURYO", 219, r => r.Support?.End),
            Text("GAIKOKU_KBN", 226, 1, _ => "0"))
    {
    }

    public static KojinLayout Instance { get; } = new();
}

/// <summary>RIREKI.DAT (source <c>rireki</c>): 60-byte records with no separator; bytes 49–59 are filler.</summary>
internal sealed class RirekiLayout : FixedLayout<RirekiRow>
{
    private RirekiLayout()
        : base(
            VendorBSample.RirekiLength,
            Digits("ATENA_NO", 0, 10, r => r.Atena),
            Digits("RIREKI_NO", 10, 3, r => r.Seq),
            Text("ZOKUGARA", 13, 2, r => r.Zokugara),
            Text("JOTAI", 15, 1, r => r.Jotai),
            Text("IDO_JIYU", 16, 2, r => r.Jiyu),
            Custom("IDO_YMD", 18, 7, (record, c, r) =>
            {
                if (r.EraDefect)
                {
                    record.Text(c.Offset, c.Width, "3640201"); // 昭和64年2月1日 does not exist
                }
                else
                {
                    WriteEraDate(record, c.Offset, r.Ido);
                }
            }),
            EraDate("TODOKEDE_YMD", 25, r => r.Todokede),
            EraDate("JUMIN_YMD", 32, r => r.Jumin),
            EraDate("JUTEI_YMD", 39, r => r.Jutei),
            Packed("KOSHIN_CNT", 46, 3, r => r.Seq))
    {
    }

    public static RirekiLayout Instance { get; } = new();
}
