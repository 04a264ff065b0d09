using Migrate.Samples;

namespace Migrate.Samples.Tests;

/// <summary>One 10,000-person vendor A sample shared by the content tests (generated once, deleted afterwards).</summary>
public sealed class VendorASampleFixture : IAsyncLifetime
{
    public const long Persons = 10_000;
    public const int Seed = 20250331;

    public string Directory { get; } = SampleFiles.NewTempDirectory();

    public SampleSummary Summary { get; private set; } = null!;

    public byte[] Jumin { get; private set; } = [];

    public byte[] Shien { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Summary = await new VendorASample().WriteAsync(
            new SampleOptions("vendor-a", Persons, Seed, Directory), null, CancellationToken.None);
        Jumin = await File.ReadAllBytesAsync(Path.Combine(Directory, VendorASample.JuminFile));
        Shien = await File.ReadAllBytesAsync(Path.Combine(Directory, VendorASample.ShienFile));
    }

    public ValueTask DisposeAsync()
    {
        SampleFiles.DeleteDirectory(Directory);
        return ValueTask.CompletedTask;
    }
}
