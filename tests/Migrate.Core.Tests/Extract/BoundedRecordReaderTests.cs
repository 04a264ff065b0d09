using System.Text;
using Migrate.Core.Extract;

namespace Migrate.Core.Tests.Extract;

/// <summary>
/// The reader between the file and Sep: whole records pass unchanged, a broken quote or a too-long
/// line becomes one marker line, and nothing depends on where the underlying reads split the text
/// (every case runs with reads of 1, 2, 3, 5 and 64 chars and one large read).
/// </summary>
public sealed class BoundedRecordReaderTests
{
    private const string U = "\uFFFF";
    private const string L = "\uFFFE";

    public static TheoryData<int> ReadSizes => new(1, 2, 3, 5, 64, 1 << 20);

    private static (string Text, List<DivertedLine> Diverted) Read(string input, int fields, int readSize, int maxLines = 10, int maxBytes = 1 << 20)
    {
        using var reader = new BoundedRecordReader(new ChunkedReader(input, readSize), ',', fields, maxLines, maxBytes);
        var text = new StringBuilder();
        var buffer = new char[7];
        int read;
        // Odd-sized requests on top of odd-sized underlying reads.
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0) text.Append(buffer, 0, read);
        var output = text.ToString();
        var diverted = new List<DivertedLine>();
        foreach (var c in output)
            if (c > '\u00FF') diverted.Add(reader.TakeDiverted());
        Should.Throw<InvalidOperationException>(reader.TakeDiverted);
        return (output, diverted);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void Records_without_quotes_pass_unchanged_with_every_line_break(int readSize)
    {
        const string input = "a,b,c\r\nd,e,f\ng,h,i\rj,k,l\r\n\r\nm,n,o";

        Read(input, 3, readSize).Text.ShouldBe(input);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void Quoted_values_spanning_lines_pass_unchanged(int readSize)
    {
        const string input = "1,\"Marunouchi\r\nCorpo\",x\r\n2,\"a\"\"b\",y\r\n3,\"\"\"\n\"\"\",z\n4,\"a\rb\",w\r";

        Read(input, 3, readSize).Text.ShouldBe(input);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void A_stray_quote_costs_its_line_once_the_line_bound_is_hit(int readSize)
    {
        var (text, diverted) = Read("1,2,3\r\n4,\"5,6\r\n7,8,9\r\n10,11,12\r\n13,14,15\r\n", 3, readSize, maxLines: 2);

        text.ShouldBe("1,2,3\r\n" + U + "\r\n7,8,9\r\n10,11,12\r\n13,14,15\r\n");
        var line = diverted.ShouldHaveSingleItem();
        line.Reason.ShouldBe(DivertReason.UnclosedQuote);
        line.Detail.ShouldBe("a quote opened on this line is still open after 2 lines (max_record_lines)");
        Encoding.Latin1.GetString(line.Head).ShouldBe("4,\"5,6");
        line.Length.ShouldBe(6);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void A_quote_closing_into_the_wrong_field_count_costs_the_line_that_opened_it(int readSize)
    {
        var (text, diverted) = Read("1,2,3\n4,\"5,6\n7\",8,9\n10,11,12\n", 3, readSize);

        // 4 | "5,6\n7" | 8 | 9 is four fields: line 2 goes; line 3 opens a quote of its own that never closes.
        text.ShouldBe("1,2,3\n" + U + "\n" + U + "\n10,11,12\n");
        diverted.Select(d => d.Detail).ShouldBe(
        [
            "a quote opened on this line closes 1 line(s) later into a record of 4 fields, expected 3",
            "a quote opened on this line is not closed before the end of the file",
        ]);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void A_quote_open_at_the_end_of_the_file_costs_its_line_and_the_rest_is_read_again(int readSize)
    {
        var (text, diverted) = Read("a,b\n\"c,d\ne,f\ng,h", 2, readSize);

        text.ShouldBe("a,b\n" + U + "\ne,f\ng,h");
        diverted.ShouldHaveSingleItem().Reason.ShouldBe(DivertReason.UnclosedQuote);
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void A_quote_held_past_max_record_bytes_costs_its_line(int readSize)
    {
        var (text, diverted) = Read("a,\"b\r\n" + string.Concat(Enumerable.Repeat("cccc,d\r\n", 10)), 2, readSize, maxLines: 100, maxBytes: 30);

        text.ShouldBe(U + "\r\n" + string.Concat(Enumerable.Repeat("cccc,d\r\n", 10)));
        diverted.ShouldHaveSingleItem().Detail.ShouldBe("a quote opened on this line is still open after 30 bytes (max_record_bytes)");
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void A_line_over_max_record_bytes_becomes_one_marker_line(int readSize)
    {
        var (text, diverted) = Read("a,b\r\n" + new string('x', 50) + "\r\nc,d\r\n" + new string('y', 40) + "\nz,\"w\"\n", 2, readSize, maxBytes: 20);

        text.ShouldBe("a,b\r\n" + L + "\r\nc,d\r\n" + L + "\nz,\"w\"\n");
        diverted.Select(d => (d.Reason, d.Length)).ShouldBe([(DivertReason.TooLong, 50L), (DivertReason.TooLong, 40L)]);
        diverted[0].Head.ShouldBe(Encoding.Latin1.GetBytes(new string('x', 50)));
        diverted[0].Detail.ShouldBe("the line is longer than 20 bytes (max_record_bytes)");
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void A_too_long_line_keeps_only_its_head_and_may_end_the_file(int readSize)
    {
        var (text, diverted) = Read("a,b\n" + new string('x', 5000), 2, readSize, maxBytes: 100);

        text.ShouldBe("a,b\n" + L);
        var line = diverted.ShouldHaveSingleItem();
        line.Length.ShouldBe(5000);
        line.Head.ShouldBe(Encoding.Latin1.GetBytes(new string('x', BoundedRecordReader.HeadLimit)));
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public void A_too_long_line_among_quote_free_lines_costs_only_itself(int readSize)
    {
        var lines = Enumerable.Range(0, 30).Select(i => i == 17 ? new string('q', 45) : $"{i},v").ToList();

        var (text, diverted) = Read(string.Join("\n", lines) + "\n", 2, readSize, maxBytes: 40);

        text.ShouldBe(string.Join("\n", lines.Select(l => l.Length > 40 ? L : l)) + "\n");
        diverted.ShouldHaveSingleItem().Length.ShouldBe(45);
    }

    [Fact]
    public void Peek_and_single_char_reads_see_the_marker()
    {
        using var reader = new BoundedRecordReader(new StringReader("\"a\nb\nc"), ',', 1, 1, 100);

        reader.Peek().ShouldBe('\uFFFF');
        reader.Read().ShouldBe('\uFFFF');
        reader.ReadToEnd().ShouldBe("\nb\nc");
        reader.Read().ShouldBe(-1);
    }

    /// <summary>Hands out at most <c>size</c> chars per read, to split quotes and CR LF across reads.</summary>
    private sealed class ChunkedReader(string text, int size) : TextReader
    {
        private int _pos;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var n = Math.Min(Math.Min(size, buffer.Length), text.Length - _pos);
            text.AsSpan(_pos, n).CopyTo(buffer);
            _pos += n;
            return n;
        }
    }
}
