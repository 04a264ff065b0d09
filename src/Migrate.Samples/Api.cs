namespace Migrate.Samples;

/// <summary>What to generate: which vendor layout, how many distinct persons, the seed and where to write.</summary>
public sealed record SampleOptions(string Vendor, long Persons, int Seed, string OutputDirectory);

/// <summary>What was written: data rows per file (header excluded) and the deliberately seeded defects by kind.</summary>
public sealed record SampleSummary(
    string Vendor,
    long Persons,
    IReadOnlyDictionary<string, long> RowsPerFile,
    IReadOnlyDictionary<string, long> DefectsByKind);

/// <summary>A generator of realistic, fictional legacy export files for one vendor layout.</summary>
public interface ISampleVendor
{
    string Name { get; }

    string Description { get; }

    Task<SampleSummary> WriteAsync(SampleOptions options, IProgress<long>? progress, CancellationToken ct);
}

/// <summary>All sample vendors known to this assembly.</summary>
public sealed class SampleCatalog
{
    private SampleCatalog()
    {
    }

    public static IReadOnlyList<ISampleVendor> All { get; } = Array.AsReadOnly<ISampleVendor>([new VendorASample(), new VendorBSample(), new VendorCSample(), new VendorATaxSample()]);

    /// <summary>The vendor with this name (case-insensitive), or null.</summary>
    public static ISampleVendor? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var vendor in All)
        {
            if (string.Equals(vendor.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return vendor;
            }
        }

        return null;
    }
}

/// <summary>The defect kinds a sample may contain; the keys of <see cref="SampleSummary.DefectsByKind"/>.</summary>
public static class SampleDefectKinds
{
    public const string EraOutOfRange = "date.era-out-of-range";
    public const string DateInvalid = "date.invalid";
    public const string CodeUnknown = "code.unknown";
    public const string CheckMyNumber = "check.my-number";
    public const string LengthExceeded = "length.exceeded";
    public const string EncodingInvalid = "encoding.invalid";
    public const string CsvColumnCount = "csv.column-count";

    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(
    [
        EraOutOfRange, DateInvalid, CodeUnknown, CheckMyNumber, LengthExceeded, EncodingInvalid, CsvColumnCount,
    ]);
}
