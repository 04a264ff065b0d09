namespace Migrate.Samples;

/// <summary>
/// Vendor A (fictional): the legacy 住民記録 export described by mappings/vendors/vendor-a/juki.yaml —
/// JUMIN.CSV (full-snapshot history rows) and SHIEN.CSV (support measures), CP932, CRLF, header row.
/// </summary>
public sealed class VendorASample : ISampleVendor
{
    public const string JuminFile = "JUMIN.CSV";
    public const string ShienFile = "SHIEN.CSV";

    public string Name => "vendor-a";

    public string Description =>
        "Vendor A (fictional) 住民記録 export: JUMIN.CSV + SHIEN.CSV, CP932, 1-digit era dates (GYYMMDD), " +
        "half-width kana, 外字 0xF040–0xF045, custom columns MEMO/CHIIKI_FLG, test records and seeded defects.";

    public async Task<SampleSummary> WriteAsync(SampleOptions options, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Persons);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OutputDirectory);
        if (!string.IsNullOrWhiteSpace(options.Vendor) && !string.Equals(options.Vendor.Trim(), Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Options are for vendor '{options.Vendor}', not '{Name}'.", nameof(options));
        }

        Directory.CreateDirectory(options.OutputDirectory);
        string jumin = Path.Combine(options.OutputDirectory, JuminFile);
        string shien = Path.Combine(options.OutputDirectory, ShienFile);
        string juminTemp = jumin + ".tmp";
        string shienTemp = shien + ".tmp";
        try
        {
            SampleSummary summary;
            var juminStream = new FileStream(juminTemp, FileMode.Create, FileAccess.Write, FileShare.None, 0);
            await using (juminStream.ConfigureAwait(false))
            {
                var shienStream = new FileStream(shienTemp, FileMode.Create, FileAccess.Write, FileShare.None, 0);
                await using (shienStream.ConfigureAwait(false))
                {
                    var generator = new VendorAGenerator(options.Persons, options.Seed, juminStream, shienStream);
                    summary = await generator.RunAsync(Name, progress, ct).ConfigureAwait(false);
                }
            }

            File.Move(juminTemp, jumin, overwrite: true);
            File.Move(shienTemp, shien, overwrite: true);
            return summary;
        }
        catch
        {
            File.Delete(juminTemp);
            File.Delete(shienTemp);
            throw;
        }
    }
}
