using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Mapping;
using Migrate.Core.Work;
using nietras.SeparatedValues;

namespace Migrate.Core.Tests.Pipeline;

/// <summary>
/// Staged records handed from the extractor's thread to the mapper's: every record arrives in
/// order with its line and offset, exactly as the staging file holds it, and a stop unblocks both ends.
/// </summary>
public sealed class RecordHandoffTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-records-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SourceDefinition Source =>
        new("jumin", "JUMIN.CSV", DelimitedFormat.FormatName, "utf-8", ["ATENA_NO", "SHIMEI", "MEMO"], new SourcePosition("test.yaml", 3, 5), new DelimitedOptions(',', true));

    [Fact]
    public async Task Records_arrive_in_order_across_batches_as_the_staging_file_holds_them()
    {
        using var handoffs = new StageHandoffs(TestContext.Current.CancellationToken);
        var work = new WorkDirectory(Path.Combine(_dir, "work"));
        work.Create();
        var records = handoffs.AddStaged("jumin");
        // More records than a few batches hold, quotes, line breaks, empty values and a lone surrogate
        // (a database column can hold one; UTF-8 cannot).
        var written = Enumerable.Range(1, 2_345).Select(n => new[] { n.ToString("D10", System.Globalization.CultureInfo.InvariantCulture),
            n % 7 == 0 ? "山田, \"太郎\"\r\n二行目" : "髙橋　花子", n % 3 == 0 ? "" : n == 100 ? "a\uD800b" : " memo " }).ToList();

        var writer = Task.Run(() =>
        {
            using var staging = new StagingWriter(work, Source, mayHoldLoneSurrogates: true, records);
            var values = new string[3];
            foreach (var (record, n) in written.Select((r, i) => (r, i + 1)))
            {
                record.CopyTo(values, 0);
                staging.Write(n + 1, n * 100L, values); // the caller reuses its array
            }
        }, TestContext.Current.CancellationToken);
        var handed = new List<(long Line, long Offset, string?[] Values)>();
        // The reader's array is longer than the record (joined columns follow) and reused, as the mapper's is.
        var taken = new string?[5];
        while (records.TryTake(taken, out var line, out var offset)) handed.Add((line, offset, taken[..3]));
        await writer;

        handed.Select(r => r.Line).ShouldBe(Enumerable.Range(2, written.Count).Select(n => (long)n));
        handed.Select(r => r.Offset).ShouldBe(Enumerable.Range(1, written.Count).Select(n => n * 100L));
        using var file = Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true }).FromFile(work.StagingFile("jumin"));
        var i = 0;
        foreach (var row in file)
        {
            handed[i].Values.ShouldBe([row[2].ToString(), row[3].ToString(), row[4].ToString()], $"record {i + 1}");
            handed[i].Values.ShouldBe(written[i].Select(v => (string?)v.Replace("\uD800", "\uFFFD", StringComparison.Ordinal)), $"record {i + 1}");
            i++;
        }
        i.ShouldBe(written.Count);
        handed[99].Values[2].ShouldBe("a\uFFFDb");
    }

    [Fact]
    public async Task A_stop_unblocks_a_writer_whose_reader_is_gone_and_a_reader_waiting_for_records()
    {
        using var stop = new CancellationTokenSource();
        using var full = new RecordHandoff(stop.Token, capacity: 1);
        using var empty = new RecordHandoff(stop.Token);
        var writer = Task.Run(() =>
        {
            while (true) full.Add(1, 0, ["x"]);
        }, TestContext.Current.CancellationToken);
        var reader = Task.Run(() => empty.TryTake(new string?[1], out _, out _), TestContext.Current.CancellationToken);

        await Task.Delay(100, TestContext.Current.CancellationToken);
        writer.IsCompleted.ShouldBeFalse();
        reader.IsCompleted.ShouldBeFalse();
        await stop.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => writer.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        await Should.ThrowAsync<OperationCanceledException>(() => reader.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }
}
