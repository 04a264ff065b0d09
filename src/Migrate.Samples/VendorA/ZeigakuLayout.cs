using System.Globalization;

namespace Migrate.Samples;

/// <summary>One ZEIGAKU.CSV row: a taxpayer's assessment for one year, amounts in yen.</summary>
internal sealed record ZeigakuRow(
    long Atena, int Nendo, string Kubun, string? Shinkoku, string Choshu, int? Employer,
    long Kyuyo, long KyuyoShotoku, long Sogo, long Kojo, long Kazei, long Shotokuwari, long Kintowari, string? Biko);

/// <summary>
/// ZEIGAKU.CSV as vendor A writes it (mappings/vendors/vendor-a/kojin-juminzei.yaml): CP932, amounts with
/// thousands separators (so quoted once over 999), letter codes for 課税区分 and 徴収方法, custom column BIKO.
/// </summary>
internal sealed class ZeigakuLayout : CsvLayout<ZeigakuRow>
{
    private ZeigakuLayout()
        : base(
            Digits("ATENA_NO", 10, r => r.Atena),
            Digits("NENDO", 4, r => r.Nendo),
            Text("KAZEI_KBN", r => r.Kubun), // K 課税, KN 均等割のみ, H 非課税
            Text("SHINKOKU", r => r.Shinkoku),
            Text("CHOSHU", r => r.Choshu), // T 特別徴収, N 年金特徴, F 普通徴収
            Custom("TOKUCHO_NO", (w, r) =>
            {
                if (r.Employer is { } employer)
                {
                    w.Digits(employer, 8);
                }
            }),
            Amount("KYUYO_SHUNYU", r => r.Kyuyo),
            Amount("KYUYO_SHOTOKU", r => r.KyuyoShotoku),
            Amount("SOGO_SHOTOKU", r => r.Sogo),
            Amount("KOJO_GOKEI", r => r.Kojo),
            Amount("KAZEI_SHOTOKU", r => r.Kazei),
            Amount("SHOTOKUWARI", r => r.Shotokuwari),
            Amount("KINTOWARI", r => r.Kintowari),
            Amount("NENGAKU", r => r.Shotokuwari + r.Kintowari),
            Text("BIKO", r => r.Biko))
    {
    }

    public static ZeigakuLayout Instance { get; } = new();

    private static CsvColumn<ZeigakuRow> Amount(string name, Func<ZeigakuRow, long> yen) =>
        Text(name, r => yen(r).ToString("#,0", CultureInfo.InvariantCulture));
}
