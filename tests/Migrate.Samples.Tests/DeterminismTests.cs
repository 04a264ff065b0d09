using Migrate.Samples;

namespace Migrate.Samples.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public async Task Same_seed_and_size_give_byte_identical_files_and_another_seed_differs()
    {
        string a = SampleFiles.NewTempDirectory();
        string b = SampleFiles.NewTempDirectory();
        string c = SampleFiles.NewTempDirectory();
        try
        {
            var ct = TestContext.Current.CancellationToken;
            var vendor = new VendorASample();
            var sa = await vendor.WriteAsync(new SampleOptions("vendor-a", 3_000, 7, a), null, ct);
            var sb = await vendor.WriteAsync(new SampleOptions("vendor-a", 3_000, 7, b), null, ct);
            await vendor.WriteAsync(new SampleOptions("vendor-a", 3_000, 8, c), null, ct);

            foreach (string file in new[] { VendorASample.JuminFile, VendorASample.ShienFile })
            {
                var bytesA = await File.ReadAllBytesAsync(Path.Combine(a, file), ct);
                var bytesB = await File.ReadAllBytesAsync(Path.Combine(b, file), ct);
                bytesA.SequenceEqual(bytesB).ShouldBeTrue(file);
            }

            sb.RowsPerFile.ShouldBe(sa.RowsPerFile);
            sb.DefectsByKind.ShouldBe(sa.DefectsByKind);

            var juminA = await File.ReadAllBytesAsync(Path.Combine(a, VendorASample.JuminFile), ct);
            var juminC = await File.ReadAllBytesAsync(Path.Combine(c, VendorASample.JuminFile), ct);
            juminA.SequenceEqual(juminC).ShouldBeFalse();
            Directory.GetFiles(a).Select(Path.GetFileName).ShouldBe([VendorASample.JuminFile, VendorASample.ShienFile], ignoreOrder: true);
        }
        finally
        {
            SampleFiles.DeleteDirectory(a);
            SampleFiles.DeleteDirectory(b);
            SampleFiles.DeleteDirectory(c);
        }
    }

    [Fact]
    public async Task Progress_is_reported_about_every_ten_thousand_persons_and_at_the_end()
    {
        string dir = SampleFiles.NewTempDirectory();
        try
        {
            var reports = new List<long>();
            var summary = await new VendorASample().WriteAsync(
                new SampleOptions("vendor-a", 25_000, 1, dir), new SyncProgress(reports), TestContext.Current.CancellationToken);

            summary.Persons.ShouldBe(25_000);
            reports.Count.ShouldBe(3);
            reports[0].ShouldBeInRange(10_000, 10_004);
            reports[1].ShouldBeInRange(20_000, 20_004);
            reports[2].ShouldBe(25_000);
        }
        finally
        {
            SampleFiles.DeleteDirectory(dir);
        }
    }

    [Fact]
    public async Task Zero_persons_writes_headers_only()
    {
        string dir = SampleFiles.NewTempDirectory();
        try
        {
            var summary = await new VendorASample().WriteAsync(new SampleOptions("vendor-a", 0, 1, dir), null, TestContext.Current.CancellationToken);

            summary.RowsPerFile[VendorASample.JuminFile].ShouldBe(0);
            summary.RowsPerFile[VendorASample.ShienFile].ShouldBe(0);
            summary.DefectsByKind.Values.ShouldAllBe(v => v == 0);
            SampleFiles.Records(await File.ReadAllBytesAsync(Path.Combine(dir, VendorASample.JuminFile), TestContext.Current.CancellationToken)).Count.ShouldBe(1);
        }
        finally
        {
            SampleFiles.DeleteDirectory(dir);
        }
    }

    [Fact]
    public async Task Cancellation_leaves_no_files()
    {
        string dir = SampleFiles.NewTempDirectory();
        try
        {
            using var cts = new CancellationTokenSource();
            await cts.CancelAsync();
            await Should.ThrowAsync<OperationCanceledException>(
                () => new VendorASample().WriteAsync(new SampleOptions("vendor-a", 1_000, 1, dir), null, cts.Token));
            Directory.GetFiles(dir).ShouldBeEmpty();
        }
        finally
        {
            SampleFiles.DeleteDirectory(dir);
        }
    }

    [Fact]
    public void Catalog_finds_vendor_a_by_name()
    {
        SampleCatalog.All.Select(v => v.Name).ShouldContain("vendor-a");
        SampleCatalog.Find("vendor-a").ShouldBeOfType<VendorASample>();
        SampleCatalog.Find("VENDOR-A").ShouldNotBeNull();
        SampleCatalog.Find("vendor-z").ShouldBeNull();
        SampleCatalog.All.ShouldAllBe(v => !string.IsNullOrWhiteSpace(v.Description));
    }

    [Fact]
    public async Task Options_for_another_vendor_are_rejected()
    {
        await Should.ThrowAsync<ArgumentException>(
            () => new VendorASample().WriteAsync(new SampleOptions("vendor-b", 1, 1, Path.GetTempPath()), null, TestContext.Current.CancellationToken));
    }

    private sealed class SyncProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
