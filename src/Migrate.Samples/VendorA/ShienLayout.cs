namespace Migrate.Samples;

/// <summary>One SHIEN.CSV row: a 支援措置 of the resident with this 宛名番号.</summary>
internal readonly record struct ShienRow(long Atena, SupportMeasure Measure);

/// <summary>SHIEN.CSV as vendor A writes it (source <c>shien</c>): one row per support measure, CP932, GYYMMDD dates.</summary>
internal sealed class ShienLayout : CsvLayout<ShienRow>
{
    private ShienLayout()
        : base(
            Digits("ATENA_NO", 10, r => r.Atena),
            Code("SHIEN_KBN", r => (byte)('0' + r.Measure.Kubun)), // 1 支援措置, 2 仮支援措置, 3 終了
            EraDate("KAISHI_YMD", r => r.Measure.Start),
            EraDate("SHURYO_YMD", r => r.Measure.End), // empty while the measure lasts
            Bytes("TANTO_KA", r => VendorAData.Instance.TantoKa[r.Measure.TantoKa]))
    {
    }

    public static ShienLayout Instance { get; } = new();
}
