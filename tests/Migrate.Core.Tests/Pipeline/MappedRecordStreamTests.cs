using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Map;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Pipeline;

/// <summary>
/// The mapper's rows as one record stream with two sinks: the mapped file, and the records handed
/// to the target in <c>migrate run</c>. The target must get exactly what a later load reads back from
/// the file (values, NULLs and the file's line numbers), and the file the bytes the string writer gives.
/// </summary>
public sealed class MappedRecordStreamTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-mapped-stream-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static StandardItem Item(string id) =>
        new(id, id + "名", id, ItemType.String, null, false, null, 0, CharRule.Any, null, false, false, null, new SourcePosition("t.yaml", 1, 1));

    private static readonly StandardTable Table = new("t", "テスト", "test", "", ["a"], false, [Item("a"), Item("b"), Item("c")]);

    /// <summary>More rows than several batches hold, with every kind of value the CSV treats specially.</summary>
    private static List<string?[]> Rows() =>
        [.. Enumerable.Range(1, 1_000).Select(n => new[]
        {
            n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
            (n % 9) switch
            {
                0 => null,
                1 => "two\r\nlines",
                2 => "say \"hi\", twice",
                3 => " padded ",
                4 => "lone\rCR and\nLF",
                5 => "髙橋　𠮷野",
                6 => "a\uD800b",
                _ => "plain",
            },
            n == 500 ? new string('あ', 40_000) + "\"" : n % 4 == 0 ? null : "x",
        })];

    private static bool[] Quotes(string?[] row) => [.. row.Select(Utf8CsvWriter.NeedsQuotes)];

    [Fact]
    public async Task The_target_gets_what_a_load_reads_back_from_the_file_lines_included()
    {
        var rows = Rows();
        var path = Path.Combine(_dir, "t.csv");
        using var handoff = new MappedRecordHandoff(Table.Items.Count, TestContext.Current.CancellationToken, capacity: 2);
        var writer = Task.Run(() =>
        {
            using var sink = new MappedRowWriter(File.Create(path), Table, handoff);
            var values = new string?[3];
            foreach (var row in rows)
            {
                row.CopyTo(values, 0);
                sink.Write(values, Quotes(row)); // the caller reuses its arrays, as the mapper does
            }
        }, TestContext.Current.CancellationToken);
        var handed = ReadAll(new MappedRecordReader(handoff, path, Table));
        await writer;

        var fromFile = ReadAll(new MappedRecordReader(path, Table));
        handed.Count.ShouldBe(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            handed[i].Line.ShouldBe(fromFile[i].Line, $"record {i + 1}");
            handed[i].Values.ShouldBe(fromFile[i].Values, $"record {i + 1}");
        }
        handed[5].Values[1].ShouldBe("a\uFFFDb"); // UTF-8 cannot hold a lone surrogate, in the file or the stream
        fromFile[^1].Line.ShouldBeGreaterThan(rows.Count + 1); // quoted line breaks moved the lines on
    }

    [Fact]
    public void The_file_holds_the_bytes_the_string_writer_writes()
    {
        var rows = Rows();
        var expected = new MemoryStream();
        using (var csv = new Utf8CsvWriter(expected, leaveOpen: true))
        {
            foreach (var item in Table.Items) csv.WriteField(item.Id);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var value in row) csv.WriteField(value);
                csv.NextRecord();
            }
        }
        var written = new MemoryStream();
        using (var sink = new MappedRowWriter(written, Table, handoff: null))
        {
            foreach (var row in rows) sink.Write(row, Quotes(row));
        }

        written.ToArray().ShouldBeSameBytes(expected.ToArray());
    }

    [Fact]
    public async Task A_stop_unblocks_a_target_waiting_for_records()
    {
        using var stop = new CancellationTokenSource();
        using var handoff = new MappedRecordHandoff(Table.Items.Count, stop.Token);
        var reader = Task.Run(() => new MappedRecordReader(handoff, "t.csv", Table).Read(), TestContext.Current.CancellationToken);

        await Task.Delay(100, TestContext.Current.CancellationToken);
        reader.IsCompleted.ShouldBeFalse();
        await stop.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => reader.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }

    private static List<(long Line, string?[] Values)> ReadAll(MappedRecordReader reader)
    {
        using (reader)
        {
            var rows = new List<(long, string?[])>();
            while (reader.Read())
                rows.Add((reader.Line, Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsNull(i) ? null : Encoding.UTF8.GetString(reader.Field(i))).ToArray()));
            return rows;
        }
    }
}
