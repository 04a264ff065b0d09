using Migrate.Samples;

namespace Migrate.Samples.Tests;

/// <summary>vendor-b: fixed-width files of exact record lengths, deterministic, with its defects seeded.</summary>
public sealed class VendorBSampleTests
{
    [Fact]
    public async Task Same_seed_gives_identical_fixed_width_files_of_exact_record_lengths()
    {
        string a = SampleFiles.NewTempDirectory();
        string b = SampleFiles.NewTempDirectory();
        try
        {
            var ct = TestContext.Current.CancellationToken;
            var vendor = SampleCatalog.Find("vendor-b").ShouldNotBeNull();
            var sa = await vendor.WriteAsync(new SampleOptions("vendor-b", 2_000, 11, a), null, ct);
            var sb = await vendor.WriteAsync(new SampleOptions("vendor-b", 2_000, 11, b), null, ct);

            sa.Persons.ShouldBeGreaterThanOrEqualTo(2_000);
            sb.RowsPerFile.ShouldBe(sa.RowsPerFile);
            sb.DefectsByKind.ShouldBe(sa.DefectsByKind);
            foreach (var file in new[] { VendorBSample.SetaiFile, VendorBSample.KojinFile, VendorBSample.RirekiFile })
            {
                var bytesA = await File.ReadAllBytesAsync(Path.Combine(a, file), ct);
                var bytesB = await File.ReadAllBytesAsync(Path.Combine(b, file), ct);
                bytesA.SequenceEqual(bytesB).ShouldBeTrue(file);
            }

            // RIREKI.DAT has no separators: exactly 60 bytes per record. KOJIN.DAT: 227 + CR LF.
            new FileInfo(Path.Combine(a, VendorBSample.RirekiFile)).Length.ShouldBe(sa.RowsPerFile[VendorBSample.RirekiFile] * VendorBSample.RirekiLength);
            new FileInfo(Path.Combine(a, VendorBSample.KojinFile)).Length.ShouldBe(sa.RowsPerFile[VendorBSample.KojinFile] * (VendorBSample.KojinLength + 2));
            sa.DefectsByKind.Keys.ShouldContain("join.orphan");
            sa.DefectsByKind.Keys.ShouldContain("check.my-number");
        }
        finally
        {
            Directory.Delete(a, recursive: true);
            Directory.Delete(b, recursive: true);
        }
    }
}
