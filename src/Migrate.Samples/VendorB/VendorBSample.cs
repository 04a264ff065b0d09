namespace Migrate.Samples;

/// <summary>
/// Vendor B (fictional): the fixed-width CP932 export described by mappings/vendors/vendor-b/juki.yaml —
/// SETAI.DAT (households, CR LF), KOJIN.DAT (persons, CR LF) and RIREKI.DAT (history snapshots,
/// 60-byte records with no separator, a packed-decimal counter), 1-digit era dates, half-width
/// katakana, the vendor's own 続柄 and 異動事由 codes, 外字 in the user-defined area and a custom
/// per-household memo. Deterministic for a seed; written household by household (streaming).
/// Persons under 支援措置 never carry a defect: a critical reject stops a run by design.
/// </summary>
public sealed class VendorBSample : ISampleVendor
{
    public const string SetaiFile = "SETAI.DAT";
    public const string KojinFile = "KOJIN.DAT";
    public const string RirekiFile = "RIREKI.DAT";

    internal const int SetaiLength = 200;
    internal const int KojinLength = 227;
    internal const int RirekiLength = 60;

    public string Name => "vendor-b";

    public string Description =>
        "Vendor B (fictional) 住民記録 export: fixed-width CP932 SETAI.DAT + KOJIN.DAT (CR LF) and RIREKI.DAT (no separator, packed decimal), " +
        "1-digit era dates, half-width kana, own 続柄/異動事由 codes, 外字 0xF040–0xF046, custom household memo and seeded defects.";

    public Task<SampleSummary> WriteAsync(SampleOptions options, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Persons);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OutputDirectory);
        Directory.CreateDirectory(options.OutputDirectory);
        var files = new[] { SetaiFile, KojinFile, RirekiFile }.Select(f => Path.Combine(options.OutputDirectory, f)).ToArray();
        var temps = files.Select(f => f + ".tmp").ToArray();
        try
        {
            SampleSummary summary;
            using (var setai = new FileStream(temps[0], FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var kojin = new FileStream(temps[1], FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var rireki = new FileStream(temps[2], FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                summary = new VendorBGenerator(options.Persons, options.Seed, setai, kojin, rireki).Run(Name, progress, ct);
            }
            for (var i = 0; i < files.Length; i++) File.Move(temps[i], files[i], overwrite: true);
            return Task.FromResult(summary);
        }
        catch
        {
            foreach (var t in temps) File.Delete(t);
            throw;
        }
    }
}
