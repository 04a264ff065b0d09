using System.Text;
using Migrate.Core.Extract;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Extract;

/// <summary>Byte offsets of lines, found in step with the CSV reader, across block boundaries and every line ending.</summary>
public sealed class LineStartsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-lines-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_dir, "file.csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Offsets_follow_LF_CRLF_and_lone_CR()
    {
        var path = Write("ab\ncd\r\nef\rgh"u8.ToArray());
        using var lines = new LineStarts(path, 0);

        lines.OffsetOf(1).ShouldBe(0);
        lines.OffsetOf(2).ShouldBe(3);
        lines.OffsetOf(3).ShouldBe(7);
        lines.OffsetOf(4).ShouldBe(10);
    }

    [Fact]
    public void A_CRLF_split_across_two_blocks_is_one_line_end()
    {
        // The read block is 64 KiB: put the CR as its last byte and the LF as the next block's first.
        var bytes = new byte[(1 << 16) + 10];
        bytes.AsSpan().Fill((byte)'x');
        bytes[(1 << 16) - 1] = (byte)'\r';
        bytes[1 << 16] = (byte)'\n';
        using var lines = new LineStarts(Write(bytes), 0);

        lines.OffsetOf(2).ShouldBe((1 << 16) + 1);
        Should.Throw<InvalidOperationException>(() => lines.OffsetOf(3));
    }

    [Fact]
    public void A_CR_as_the_last_byte_of_the_file_ends_its_line()
    {
        using var lines = new LineStarts(Write("ab\r"u8.ToArray()), 0);

        lines.OffsetOf(2).ShouldBe(3);
    }

    [Fact]
    public void Line_one_starts_after_a_byte_order_mark_and_the_hash_covers_the_whole_file()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("名前\r\n山田\r\n")).ToArray();
        var path = Write(bytes);
        using var lines = new LineStarts(path, 3);

        lines.OffsetOf(1).ShouldBe(3);
        lines.OffsetOf(2).ShouldBe(3 + 6 + 2);
        lines.Sha256().ShouldBe(FileHash.Sha256(path));
    }

    [Fact]
    public void Lines_cannot_be_asked_for_backwards()
    {
        using var lines = new LineStarts(Write("a\nb\nc"u8.ToArray()), 0);
        lines.OffsetOf(3).ShouldBe(4);

        Should.Throw<InvalidOperationException>(() => lines.OffsetOf(2));
    }
}
