using System.Text;
using Migrate.Core.Authoring;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Mapping;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Authoring;

/// <summary>init profiles a delimited file through the reader extraction uses: both judge every record alike.</summary>
public sealed class ProfilingReaderTests : IDisposable
{
    private static readonly Encoding Cp932 = CodePagesEncodingProvider.Instance.GetEncoding(932)!;
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-profile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Line 3 has a stray quote inside a field, line 4 a field too few, line 5 a byte CP932 does not assign.
    private static byte[] Export() =>
    [
        .. Cp932.GetBytes("ATENA_NO,SHIMEI,SEIBETSU\r\n0000000019,山田　太郎,1\r\n0000000027,山\"田,2\r\n0000000035,1\r\n0000000043,"),
        0xFD,
        .. Cp932.GetBytes(",1\r\n0000000051,\"鈴木, 一郎\",2\r\n"),
    ];

    [Fact]
    public async Task Init_counts_as_unreadable_exactly_the_records_extraction_rejects()
    {
        var path = Path.Combine(_dir, "JUMIN.CSV");
        await File.WriteAllBytesAsync(path, Export(), TestContext.Current.CancellationToken);

        var profile = await SourceProfiler.ProfileAsync(path, "cp932", ',', true, null, TestContext.Current.CancellationToken);
        var source = new SourceDefinition("jumin", "JUMIN.CSV", DelimitedFormat.FormatName, "cp932", ["ATENA_NO", "SHIMEI", "SEIBETSU"], new SourcePosition("test.yaml", 1, 1), new DelimitedOptions(',', true));
        var work = new WorkDirectory(Path.Combine(_dir, "work"));
        work.Create();
        var extracted = await new SourceExtractor(source, new FileLocation(path), work).ExtractAsync(null, TestContext.Current.CancellationToken);

        profile.Columns.Select(c => c.Name).ShouldBe(["ATENA_NO", "SHIMEI", "SEIBETSU"]);
        (profile.Records, profile.Unreadable).ShouldBe((5L, 3L));
        (extracted.Records, extracted.Rejected).ShouldBe((profile.Records, profile.Unreadable));
        profile.Columns[1].Values.Keys.ShouldBe(["山田　太郎", "鈴木, 一郎"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_sample_stops_after_as_many_records_as_asked_for_readable_or_not()
    {
        var path = Path.Combine(_dir, "JUMIN.CSV");
        await File.WriteAllBytesAsync(path, Export(), TestContext.Current.CancellationToken);

        var profile = await SourceProfiler.ProfileAsync(path, "cp932", ',', true, 2, TestContext.Current.CancellationToken);

        (profile.Records, profile.Unreadable).ShouldBe((2L, 1L));
        profile.Columns[0].Values.Keys.ShouldBe(["0000000019"]);
    }
}
