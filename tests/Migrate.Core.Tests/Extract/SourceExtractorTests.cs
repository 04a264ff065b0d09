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

    private static readonly SourceDefinition Source =
        new("pairs", "PAIRS.TXT", SourceFormat.Delimited, "utf-8", ',', false, ["KEY", "VALUE"], new SourcePosition("test.yaml", 1, 1));

    /// <summary>A format of "KEY=VALUE" lines read from memory; a line without '=' is rejected with its bytes.</summary>
    private sealed class PairsFormat(params string[] lines) : ISourceFormat
    {
        public SourceFormat Format => SourceFormat.Delimited;

        public bool ReadsFile => true;

        public Task<ISourceReader> OpenAsync(SourceDefinition source, SourceLocation location, WorkDirectory work, CancellationToken cancellationToken) =>
            Task.FromResult<ISourceReader>(new Reader(lines));

        public string? Recover(RejectRecord reject, SourceDefinition source, string column) => null;

        private sealed class Reader(string[] lines) : ISourceReader
        {
            public string Name => "PAIRS.TXT";

            public long Position { get; private set; }

            public bool MayHoldLoneSurrogates => false;

            public ValueTask<bool> ReadAsync(SourceRecord record, CancellationToken cancellationToken)
            {
                if (Position == lines.Length) return ValueTask.FromResult(false);
                var line = lines[Position++];
                record.Clear();
                record.Line = Position;
                record.Offset = Position * 10;
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0)
                {
                    record.Reject(new RejectReason("pairs.no-equals", $"line {Position}: no '='", null, null), System.Text.Encoding.UTF8.GetBytes(line));
                    return ValueTask.FromResult(true);
                }
                record.Values[0] = line[..equals];
                record.Values[1] = line[(equals + 1)..];
                return ValueTask.FromResult(true);
            }

            public void Finish()
            {
                // Nothing to judge at the end.
            }

            public SourceOrigin Origin() => new("PAIRS.TXT", "hash", 42, "utf-8");

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

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
        var fixedSource = Source with { Format = SourceFormat.Fixed };

        var error = Should.Throw<MigrateException>(() => formats.For(fixedSource));

        error.Message.ShouldBe("test.yaml:1:1: source 'pairs' has format Fixed, which this migrate cannot read");
    }
}
