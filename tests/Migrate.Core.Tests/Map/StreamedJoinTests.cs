using Migrate.Core.Extract;
using Migrate.Core.Map.Joins;
using Migrate.Core.Pipeline;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Map;

/// <summary>
/// In <c>migrate run</c> a source only one join reads streams to the mapper like a mapped source:
/// its join index is built from the extractor's records as they come, the same index the staging
/// file gives, and the extractor takes the sources in the order the mapper reads them.
/// </summary>
public sealed class StreamedJoinTests
{
    [Fact]
    public void A_source_read_by_one_join_streams_and_is_extracted_before_the_source_that_joins_it()
    {
        using var mini = new MiniMapping();

        var plan = StreamPlan.For(mini.Definition);

        plan.StreamedSources.Order(StringComparer.Ordinal).ShouldBe(["groups", "members"]);
        plan.ExtractionOrder.Select(s => s.Id).ShouldBe(["groups", "members"]);
        plan.WaitsFor(mini.Definition.Tables.Single()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_index_built_from_handed_records_finds_what_the_index_of_the_file_finds()
    {
        using var mini = new MiniMapping();
        var groups = mini.Definition.Sources["groups"];
        using var handoffs = new StageHandoffs(TestContext.Current.CancellationToken);
        var handed = handoffs.AddStaged("groups");
        string[][] rows = [["G1", "第一班"], [" G2 ", "第二班, \"東\""], ["G2", "重複"], ["G3", ""], .. Enumerable.Range(4, 500).Select(n => new[] { $"G{n}", $"班{n}" })];

        var writer = Task.Run(() =>
        {
            using var staging = new StagingWriter(mini.Work, groups, handoff: handed);
            var line = 1L;
            foreach (var row in rows) staging.Write(++line, line * 10, [.. row]);
        }, TestContext.Current.CancellationToken);
        using var fromStream = await JoinIndex.BuildAsync(StagedRows.Take(handed), groups.Columns.Count, 0, mini.Combine("stream.idx"), TestContext.Current.CancellationToken);
        await writer;
        using var fromFile = await JoinIndex.BuildAsync(mini.Work.StagingFile("groups"), "GROUP_CD", mini.Combine("file.idx"), TestContext.Current.CancellationToken);

        fromStream.Records.ShouldBe(fromFile.Records);
        fromStream.DistinctKeys.ShouldBe(fromFile.DistinctKeys);
        fromStream.NonEmpty.ShouldBe(fromFile.NonEmpty);
        foreach (var key in new[] { "G1", "G2", "G3", "G250", "G503", "G999", " G1 " })
        {
            var a = fromStream.Find(key);
            var b = fromFile.Find(key);
            (a?.Values).ShouldBe(b?.Values, key);
            (a?.Count).ShouldBe(b?.Count, key);
        }
        fromStream.Find("G2")!.Count.ShouldBe(2);
        fromStream.Find("G2")!.Values[1].ShouldBe("第二班, \"東\"");
        fromStream.Unmatched.ShouldBe(fromFile.Unmatched);
    }
}
