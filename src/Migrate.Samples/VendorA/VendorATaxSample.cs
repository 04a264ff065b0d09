namespace Migrate.Samples;

/// <summary>
/// Vendor A (fictional) 個人住民税 export described by mappings/vendors/vendor-a/kojin-juminzei.yaml:
/// ZEIGAKU.CSV, one row per taxpayer and assessment year (2023, 2024), CP932, CRLF, header row,
/// amounts written with thousands separators. Streams one row at a time from a seeded generator,
/// so the same (seed, persons) gives byte-identical files at any size.
/// </summary>
public sealed class VendorATaxSample : ISampleVendor
{
    public const string File = "ZEIGAKU.CSV";

    private static readonly int[] Years = [2023, 2024];
    private const int Kintowari = 5_000;
    private const int BasicDeduction = 430_000;
    private const int ExemptLimit = 450_000;

    public string Name => "vendor-a-tax";

    public string Description =>
        "Vendor A (fictional) 個人住民税 export: ZEIGAKU.CSV, CP932, two assessment years per taxpayer, amounts with thousands separators, " +
        "letter codes for 課税区分 and 徴収方法, employer designation numbers for 特別徴収, custom column BIKO.";

    public async Task<SampleSummary> WriteAsync(SampleOptions options, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Persons);
        Directory.CreateDirectory(options.OutputDirectory);
        var path = Path.Combine(options.OutputDirectory, File);
        var temp = path + ".tmp";
        long rows = 0;
        try
        {
            var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 0);
            await using (stream.ConfigureAwait(false))
            {
                var w = new CsvByteWriter(stream, 1 << 16);
                ZeigakuLayout.Instance.WriteHeader(w);
                var random = new SampleRandom(options.Seed, 0x7A1);
                for (long person = 1; person <= options.Persons; person++)
                {
                    ct.ThrowIfCancellationRequested();
                    var employed = random.Chance(0.7);
                    var pensioner = !employed && random.Chance(0.4);
                    var employer = employed ? 10_000_000 + random.Next(200) * 7 : 0;
                    var baseIncome = employed ? random.Between(1_000, 9_000) * 1_000 : pensioner ? random.Between(600, 2_500) * 1_000 : random.Between(0, 1_200) * 1_000;
                    foreach (var year in Years)
                    {
                        var income = baseIncome + (year - Years[0]) * random.Between(0, 100) * 1_000;
                        ZeigakuLayout.Instance.WriteFields(w, Assess(random, person, year, employed, pensioner, employer, income));
                        w.EndRow();
                        rows++;
                    }
                    if (w.Pending > 1 << 20) await w.FlushAsync(ct).ConfigureAwait(false);
                    if (person % 10_000 == 0) progress?.Report(person);
                }
                await w.FlushAsync(ct).ConfigureAwait(false);
            }
            System.IO.File.Move(temp, path, overwrite: true);
        }
        catch
        {
            System.IO.File.Delete(temp);
            throw;
        }
        progress?.Report(options.Persons);
        return new SampleSummary(Name, options.Persons, new Dictionary<string, long> { [File] = rows }, new Dictionary<string, long>());
    }

    /// <summary>One assessment: the amounts follow from the income; the draws are how the clerk recorded it.</summary>
    private static ZeigakuRow Assess(SampleRandom random, long person, int year, bool employed, bool pensioner, int employer, int income)
    {
        var kyuyoShotoku = employed ? Math.Max(0, income - Math.Max(550_000, income / 10 + 1_100_000 / 2)) / 1_000 * 1_000 : 0;
        var sogo = employed ? kyuyoShotoku : Math.Max(0, income - (pensioner ? 1_100_000 : 0));
        var kojo = BasicDeduction + income * 15 / 100 / 1_000 * 1_000;
        var kazei = Math.Max(0, sogo - kojo) / 1_000 * 1_000;
        var kubun = sogo <= ExemptLimit ? "H" : kazei == 0 ? "KN" : "K";
        var shotokuwari = kubun == "K" ? kazei / 10 / 100 * 100 : 0;
        var kintowari = kubun == "H" ? 0 : Kintowari;
        var notFiled = !employed && !pensioner && random.Chance(0.05);
        var shinkoku = random.Chance(0.1) ? null : notFiled ? "1" : "0"; // blank means 申告あり in this vendor's data
        var choshu = employed ? "T" : pensioner && random.Chance(0.6) ? "N" : "F";
        var biko = random.Chance(0.05) ? "分納相談中" : null;
        return new ZeigakuRow(person * 8, year, kubun, shinkoku, choshu, employed ? employer : null,
            employed ? income : 0, kyuyoShotoku, sogo, kojo, kazei, shotokuwari, kintowari, biko);
    }
}
