using System.Globalization;
using Migrate.Core.Diagnostics;
using Migrate.Core.Map.Joins;

namespace Migrate.Core.Tests.Map;

/// <summary>
/// The on-disk join index on its own: lookups by trimmed key across blocks, the first of duplicate
/// keys with their count, unmatched keys, and what it leaves on disk.
/// </summary>
public sealed class JoinIndexTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Staging => _temp.Combine("groups.csv");
    private string IndexPath => _temp.Combine("groups.idx");

    private Task<JoinIndex> BuildAsync(params string[][] rows)
    {
        MiniMapping.Staging(Staging, ["GROUP_CD", "NAME", "MEMO"], rows);
        return JoinIndex.BuildAsync(Staging, "GROUP_CD", IndexPath, TestContext.Current.CancellationToken);
    }

    private static string Key(int n) => "K" + n.ToString("D6", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_key_finds_its_record_trimmed_on_both_sides_and_compared_ordinally()
    {
        using var index = await BuildAsync(["G1", "第一班", ""], [" G2 ", "第二班", "memo, with a comma"], ["g1", "lower", ""]);

        index.Find("G1")!.Values.ShouldBe(["G1", "第一班", ""]);
        index.Find("  G2")!.Values.ShouldBe([" G2 ", "第二班", "memo, with a comma"]);
        index.Find("g1")!.Values[1].ShouldBe("lower");
        index.Find("G3").ShouldBeNull();
        index.Find("").ShouldBeNull();
        index.Find("   ").ShouldBeNull();
        index.Find(null).ShouldBeNull();
        (index.Records, index.DistinctKeys).ShouldBe((3L, 3L));
    }

    [Fact]
    public async Task Duplicate_keys_give_the_first_record_in_the_file_with_how_many_share_the_key()
    {
        using var index = await BuildAsync(["G2", "second-a", ""], ["G1", "first", ""], ["G2", "second-b", ""], ["G2", "second-c", ""]);

        var found = index.Find("G2")!;
        found.Values[1].ShouldBe("second-a");
        found.Count.ShouldBe(3);
        index.Find("G1")!.Count.ShouldBe(1);
        (index.Records, index.DistinctKeys).ShouldBe((4L, 2L));
    }

    [Fact]
    public async Task Every_key_is_found_across_many_blocks_whatever_the_file_order_and_keys_between_them_are_not()
    {
        // Even keys only, shuffled: 1,000 distinct keys span 32 blocks of JoinIndex.BlockRows.
        var keys = Enumerable.Range(0, 1000).Select(i => i * 2).ToArray();
        new Random(3).Shuffle(keys);
        using var index = await BuildAsync([.. keys.Select(k => new[] { Key(k), "name " + k, "" })]);

        foreach (var k in keys) index.Find(Key(k))!.Values[1].ShouldBe("name " + k);
        for (var k = -1; k <= 2000; k += 2) index.Find(Key(k)).ShouldBeNull();
        index.Find("A").ShouldBeNull();   // before the first key
        index.Find("Z").ShouldBeNull();   // after the last
        index.DistinctKeys.ShouldBe(1000);
    }

    [Fact]
    public async Task Keys_never_asked_for_are_counted_as_unmatched()
    {
        using var index = await BuildAsync(["G1", "a", ""], ["G2", "b", ""], ["G2", "b2", ""], ["G3", "c", ""]);

        index.Unmatched.ShouldBe(3);
        index.Find("G2");
        index.Find("G2");
        index.Find("G9");
        index.Unmatched.ShouldBe(2);
    }

    [Fact]
    public async Task Values_with_quotes_delimiters_and_line_breaks_come_back_as_staged_and_the_index_file_holds_one_row_per_key()
    {
        using var index = await BuildAsync([" G2 ", "a \"b\"", "x,\r\ny"], ["G1", "", "\n"], ["G2", "second", ""]);

        index.Find("G2")!.Values.ShouldBe([" G2 ", "a \"b\"", "x,\r\ny"]);
        index.Find("G1")!.Values.ShouldBe(["G1", "", "\n"]);
        using var file = new FileStream(IndexPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        new StreamReader(file).ReadToEnd().ShouldBe("G1,1,G1,,\"\n\"\r\nG2,2,\" G2 \",\"a \"\"b\"\"\",\"x,\r\ny\"\r\n");
    }

    [Fact]
    public async Task Non_empty_values_are_counted_per_column()
    {
        using var index = await BuildAsync(["G1", "a", ""], ["G2", "", "x"], ["G3", "c", ""]);

        index.NonEmpty.ShouldBe([3L, 2L, 1L]);
    }

    [Fact]
    public async Task A_source_larger_than_one_sort_chunk_is_merged_keeping_the_first_record_of_a_key_split_across_chunks()
    {
        // 100,000 records are sorted in memory at a time: the two records of K000000 fall in different chunks.
        const int Rows = 100_010;
        var rows = new string[Rows][];
        rows[0] = [Key(0), "first", ""];
        for (var i = 1; i < Rows - 1; i++) rows[i] = [Key(Rows - i), "", ""];
        rows[Rows - 1] = [Key(0), "last", ""];
        using var index = await BuildAsync(rows);

        var found = index.Find(Key(0))!;
        (found.Values[1], found.Count).ShouldBe(("first", 2));
        index.Find(Key(5))!.Count.ShouldBe(1);
        (index.Records, index.DistinctKeys).ShouldBe(((long)Rows, Rows - 1L));
        Directory.GetFiles(_temp.Path, "groups.idx.run*").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_empty_source_finds_nothing()
    {
        using var index = await BuildAsync();

        index.Find("G1").ShouldBeNull();
        (index.Records, index.DistinctKeys, index.Unmatched).ShouldBe((0L, 0L, 0L));
    }

    [Fact]
    public async Task The_index_file_is_deleted_on_dispose()
    {
        var index = await BuildAsync(["G1", "a", ""]);
        File.Exists(IndexPath).ShouldBeTrue();

        index.Dispose();

        Directory.GetFiles(_temp.Path).ShouldBe([Staging]);
    }

    [Fact]
    public async Task A_key_column_the_staging_file_lacks_asks_for_extract_again()
    {
        MiniMapping.Staging(Staging, ["GROUP_CD", "NAME", "MEMO"], [["G1", "a", ""]]);

        var error = await Should.ThrowAsync<MigrateException>(() => JoinIndex.BuildAsync(Staging, "CODE", IndexPath, TestContext.Current.CancellationToken));

        error.Message.ShouldBe($"{Staging}: staging file has no column 'CODE'; run 'migrate extract' again");
    }

    [Fact]
    public async Task A_staging_row_with_a_field_missing_is_refused_as_damaged()
    {
        MiniMapping.Staging(Staging, ["GROUP_CD", "NAME", "MEMO"], [["G1", "a", ""], ["G2", "b"]]);

        var error = await Should.ThrowAsync<MigrateException>(() => JoinIndex.BuildAsync(Staging, "GROUP_CD", IndexPath, TestContext.Current.CancellationToken));

        error.Message.ShouldBe($"{Staging}:3: 4 fields, expected 5; the staging file is damaged, run 'migrate extract' again");
        Directory.GetFiles(_temp.Path).ShouldBe([Staging]);
    }

    [Fact]
    public async Task A_missing_staging_file_asks_for_extract()
    {
        var error = await Should.ThrowAsync<MigrateException>(() => JoinIndex.BuildAsync(Staging, "GROUP_CD", IndexPath, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("no staging file for the joined source; run 'migrate extract' first");
    }
}
