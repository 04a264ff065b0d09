using Microsoft.Data.Sqlite;

namespace Migrate.Samples;

/// <summary>
/// Vendor C (fictional): a legacy relational database, written as one SQLite file
/// (<see cref="VendorCSchema.DatabaseFile"/>, owner-only) with the schema of <see cref="VendorCSchema"/>:
/// households, persons and their history, the vendor's 続柄 and 異動事由 code tables (with a retired
/// 続柄 code old records still point to), its DV-support customization (<c>dv_support</c>, linked to
/// persons) and a newsletter-delivery table with no standard equivalent (<c>koho_haifu</c>). Birth
/// dates are era-letter text (S60.04.01), other dates DATE columns. Deterministic for a seed; rows
/// are inserted household by household through prepared statements in one transaction.
/// Persons under 支援措置 never carry a defect: a critical reject stops a run by design.
/// </summary>
public sealed class VendorCSample : ISampleVendor
{
    public string Name => "vendor-c";

    public string Description =>
        "Vendor C (fictional) 住民記録 legacy database (SQLite): households, persons, history, 続柄/異動事由 code tables, " +
        "a DV-support table and a newsletter table with no standard equivalent, era-letter birth dates and seeded defects.";

    public async Task<SampleSummary> WriteAsync(SampleOptions options, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Persons);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OutputDirectory);
        Directory.CreateDirectory(options.OutputDirectory);
        var path = Path.Combine(options.OutputDirectory, VendorCSchema.DatabaseFile);
        var temp = path + ".tmp";
        File.Delete(temp);
        try
        {
            CreatePrivate(temp);
            SampleSummary summary;
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ConnectionString))
            {
                await connection.OpenAsync(ct);
                summary = await new VendorCGenerator(options.Persons, options.Seed, connection).RunAsync(Name, progress, ct);
            }
            File.Move(temp, path, overwrite: true);
            return summary;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>An empty file is an empty SQLite database; creating it first makes it owner-only (0600) from the start.</summary>
    private static void CreatePrivate(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var _ = new FileStream(path, options);
    }
}
