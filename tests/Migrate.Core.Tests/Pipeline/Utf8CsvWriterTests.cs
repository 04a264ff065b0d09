using System.Globalization;
using System.Text;
using CsvHelper;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Pipeline;

public sealed class Utf8CsvWriterTests
{
    // Every case of the quoting rule, quotes to double, non-ASCII of 2, 3 and 4 bytes, lone surrogates
    // (U+FFFD in the file, as StreamWriter writes them), and fields longer than the writer's buffer.
    private static readonly string?[] Fields =
    [
        null, "", " ", "a ", " a", "a b", "a,b", ",", "a\"b", "\"", "\"\"x\"", "a\rb", "a\nb", "\r\n", "\t",
        "é", "漢字", "山田　太郎", "ｱｲｳ", "辻\U000E0100", "𠮷野", "a\uD800", "\uDC00b", "x\uD800\"y", "\uD83D",
        new string('あ', 30_000), "\"" + new string('"', 20_000) + "漢", new string('a', 70_000) + ",",
    ];

    private static byte[] Theirs(IEnumerable<string?[]> records)
    {
        using var bytes = new MemoryStream();
        using (var text = new StreamWriter(bytes, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var record in records)
            {
                foreach (var field in record) csv.WriteField(field);
                csv.NextRecord();
            }
        }
        return bytes.ToArray();
    }

    private static byte[] Ours(IEnumerable<string?[]> records, Action<Utf8CsvWriter, int, string?> write)
    {
        var bytes = new KeptStream();
        using (var csv = new Utf8CsvWriter(bytes))
        {
            foreach (var record in records)
            {
                for (var i = 0; i < record.Length; i++) write(csv, i, record[i]);
                csv.NextRecord();
            }
        }
        bytes.Disposed.ShouldBeTrue();
        return bytes.ToArray();
    }

    [Fact]
    public void Writes_the_bytes_CsvHelper_and_StreamWriter_write()
    {
        // Each field alone, between two others, and many to a record (so records cross the buffer's end).
        var records = Fields.Select(f => new[] { f })
            .Concat(Fields.Select(f => new[] { "id", f, "end" }))
            .Concat(Enumerable.Range(0, 40).Select(_ => Fields))
            .ToList();
        var memo = new RepeatedFields<char, bool>(Fields.Length);

        var theirs = Theirs(records);
        Ours(records, (csv, _, field) => csv.WriteField(field)).ShouldBeSameBytes(theirs);
        Ours(records, (csv, column, field) => csv.WriteField(field, Remembered(memo, column, field))).ShouldBeSameBytes(theirs);
        Encoding.UTF8.GetString(theirs).ShouldContain("\"a\"\"b\"\r\n");
        Encoding.UTF8.GetString(theirs).ShouldContain("a\uFFFD\r\n");
    }

    /// <summary>The quoting answer as a record loop asks it: remembered per column for the string written there last.</summary>
    private static bool Remembered(RepeatedFields<char, bool> memo, int column, string? field)
    {
        if (memo.TryGet(column, field, out var quote)) return quote;
        quote = Utf8CsvWriter.NeedsQuotes(field);
        memo.Set(column, field.AsMemory(), quote);
        return quote;
    }

    [Fact]
    public void A_field_known_to_hold_no_quote_comma_or_line_end_is_quoted_by_its_ends_alone()
    {
        string?[] unsplittable = [null, "", " ", "a ", " a", "a b", "\t", "漢字", "山田　太郎", "　", "x;y", "'q'"];
        var records = unsplittable.Select(f => new[] { f, "end" }).ToList();

        Ours(records, (csv, _, field) => csv.WriteField(field, Utf8CsvWriter.EndsNeedQuotes(field))).ShouldBe(Theirs(records));
    }

    [Fact]
    public void A_stream_left_open_gets_the_bytes_and_stays_usable()
    {
        var bytes = new KeptStream();
        bytes.Write("\uFEFF"u8);
        using (var csv = new Utf8CsvWriter(bytes, leaveOpen: true))
        {
            csv.WriteField("a,b");
            csv.WriteField(1);
            csv.NextRecord();
        }

        bytes.Disposed.ShouldBeFalse();
        bytes.Write("x"u8);
        Encoding.UTF8.GetString(bytes.ToArray()).ShouldBe("\uFEFF\"a,b\",1\r\nx");
    }

    [Fact]
    public void Writes_integers_as_their_invariant_digits()
    {
        var numbers = new long[] { 0, 7, -12, 1_234_567_890_123, long.MinValue, long.MaxValue };
        var ours = Ours([["x"]], (csv, _, _) =>
        {
            foreach (var number in numbers) csv.WriteField(number);
        });
        ours.ShouldBeSameBytes(Theirs([numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)).ToArray()]));
    }

    [Fact]
    public void An_empty_file_gets_no_bytes()
    {
        Ours([], (_, _, _) => { }).ShouldBeEmpty();
    }

    /// <summary>A memory stream whose bytes can be read after the writer disposed it.</summary>
    private sealed class KeptStream : MemoryStream
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            // The bytes stay readable: MemoryStream.ToArray works after disposal.
            base.Dispose(disposing);
        }
    }
}
