using System.Text.Json;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Mapping;
using Migrate.Core.Rejects;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Extract;

/// <summary>
/// The one extract loop, with a format that only reads records: staging, rejects, counts and the
/// record limit are the driver's, whatever the format.
/// </summary>
public sealed class SourceExtractorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-driver-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly SourceDefinition Source = PairsFormat.Source();

    private WorkDirectory Work()
    {
        var work = new WorkDirectory(Path.Combine(_dir, "work"));
        work.Create();
        return work;
    }

    [Fact]
    public async Task A_registered_format_is_staged_rejected_and_counted_by_the_driver()
    {
        var work = Work();
        var formats = new SourceFormats([new PairsFormat("a=1", "broken", "b=x,y")]);

        var result = await new SourceExtractor(Source, new FileLocation("unused"), work, formats).ExtractAsync(null, TestContext.Current.CancellationToken);

        (result.Records, result.Staged, result.Rejected).ShouldBe((3L, 2L, 1L));
        result.RejectsByReason.ShouldBe(new Dictionary<string, long> { ["pairs.no-equals"] = 1 });
        (result.File, result.FileSha256, result.Bytes, result.Encoding).ShouldBe(("PAIRS.TXT", "hash", 42L, "utf-8"));
        (await File.ReadAllTextAsync(work.StagingFile("pairs"), TestContext.Current.CancellationToken))
            .ShouldBe("_line,_offset,KEY,VALUE\r\n1,10,a,1\r\n3,30,b,\"x,y\"\r\n");
        var reject = JsonDocument.Parse(File.ReadAllLines(work.ExtractRejects("pairs")).ShouldHaveSingleItem()).RootElement;
        reject.GetProperty("line").GetInt64().ShouldBe(2);
        reject.GetProperty("byte_offset").GetInt64().ShouldBe(20);
        reject.GetProperty("raw_hex").GetString().ShouldBe("62726F6B656E");
        result.Rejects!.Records.ShouldBe(1);
    }

    [Fact]
    public async Task The_record_limit_counts_rejected_records_too()
    {
        var work = Work();
        var formats = new SourceFormats([new PairsFormat("broken", "a=1", "b=2")]);

        var result = await new SourceExtractor(Source, new FileLocation("unused"), work, formats) { MaxRecords = 2 }
            .ExtractAsync(null, TestContext.Current.CancellationToken);

        (result.Records, result.Staged, result.Rejected).ShouldBe((2L, 1L, 1L));
    }

    [Fact]
    public void A_format_nobody_registered_is_a_usage_error_naming_the_source()
    {
        var formats = new SourceFormats([new PairsFormat()]);
        var fixedSource = Source with { Format = FixedWidthFormat.FormatName };

        var error = Should.Throw<MigrateException>(() => formats.For(fixedSource));

        error.Message.ShouldBe("test.yaml:1:1: source 'pairs' has format Fixed, which this migrate cannot read");
    }
}
