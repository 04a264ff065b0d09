using System.IO.Hashing;
using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Standard;

namespace Migrate.Core.Tests.Load;

/// <summary>The byte-level mapped-file reader of the load's hot path, and the row checksum built on its bytes.</summary>
public sealed class MappedRecordReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-records-").FullName;

    private static StandardItem Item(string id, ItemType type) =>
        new(id, id + "名", id, type, null, false, null, 0, CharRule.Any, null, false, false, null, new SourcePosition("t.yaml", 1, 1));

    private static readonly StandardTable Table = new("t", "テスト", "test", "", ["a"], false,
        [Item("a", ItemType.String), Item("b", ItemType.Integer), Item("c", ItemType.String)]);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string text)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".csv");
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static List<(long Line, string?[] Values)> ReadAll(string path)
    {
        var rows = new List<(long, string?[])>();
        using var reader = new MappedRecordReader(path, Table);
        while (reader.Read())
            rows.Add((reader.Line, Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsNull(i) ? null : Encoding.UTF8.GetString(reader.Field(i))).ToArray()));
        return rows;
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_empty_fields_are_null()
    {
        var path = File("a,b,c\r\n\"x,1\",2,\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",,\"\"\r\nplain,-7,漢字\U000E0100\r\n\r\nlast,8,\"a\nb\"");

        var rows = ReadAll(path);

        rows.Count.ShouldBe(4);
        rows[0].Values.ShouldBe(["x,1", "2", "say \"hi\""]);
        rows[1].Values.ShouldBe(["two\r\nlines", null, null]);
        rows[1].Line.ShouldBe(3);
        rows[2].Values.ShouldBe(["plain", "-7", "漢字\U000E0100"]);
        rows[2].Line.ShouldBe(5);
        rows[3].Values.ShouldBe(["last", "8", "a\nb"]);
        rows[3].Line.ShouldBe(7); // the blank line 6 is skipped
    }

    [Fact]
    public void Records_across_buffer_refills_read_the_same_as_written()
    {
        // Far more than the reader's buffer, with long quoted values straddling its boundaries.
        var text = new StringBuilder("a,b,c\n");
        for (var n = 0; n < 20_000; n++)
            text.Append('"').Append(new string('あ', n % 300)).Append("\"\"q\",").Append(n).Append(n % 3 == 0 ? ",\n" : ",\"x\ny\"\n");
        var rows = ReadAll(File(text.ToString()));

        rows.Count.ShouldBe(20_000);
        for (var n = 0; n < 20_000; n += 997)
        {
            rows[n].Values[0].ShouldBe(new string('あ', n % 300) + "\"q");
            rows[n].Values[1].ShouldBe(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            rows[n].Values[2].ShouldBe(n % 3 == 0 ? null : "x\ny");
        }
    }

    [Fact]
    public void A_wrong_field_count_or_invalid_utf8_names_the_line_and_no_value()
    {
        var count = Should.Throw<MigrateException>(() => ReadAll(File("a,b,c\nsecret,1,x\nsecret,2\n")));
        count.Kind.ShouldBe(FailureKind.Data);
        count.Message.ShouldContain(":3:");
        count.Message.ShouldNotContain("secret");

        var path = Path.Combine(_dir, "bad.csv");
        System.IO.File.WriteAllBytes(path, [.. "a,b,c\nok,1,x\n"u8, 0xE6, 0x97, (byte)',', (byte)'2', (byte)',', (byte)'y', (byte)'\n']);
        var utf8 = Should.Throw<MigrateException>(() => ReadAll(path));
        utf8.Message.ShouldContain(":3:");
        utf8.Message.ShouldContain("UTF-8");

        Should.Throw<MigrateException>(() => ReadAll(File("a,x,c\n1,2,3\n"))).Message.ShouldContain("columns do not match");
    }

    [Fact]
    public void The_string_reader_and_the_byte_checksum_agree()
    {
        var path = File("a,b,c\n\"x,1\",2,\n髙,,\"\"\"\"\n");
        var fromStrings = new RowChecksum();
        using (var reader = new MappedFileReader(path, Table))
        {
            while (reader.Read()) fromStrings.Add(reader.Row);
        }

        var fromBytes = MappedChecksum.Compute(new LoadInput(Table, path), CancellationToken.None);

        fromBytes.Loaded.ShouldBe(2);
        fromBytes.Checksum.ShouldBe(fromStrings.Value);
    }

    [Fact]
    public void The_checksum_is_the_sum_of_each_rows_xxhash3_and_ignores_row_order()
    {
        var one = new RowChecksum();
        one.Add(["a", null, ""]);
        one.Add(["b", "1", "c"]);
        var other = new RowChecksum();
        other.AddField("b"u8);
        other.AddField("1"u8);
        other.AddField("c"u8);
        other.EndRow();
        other.Add(["a", null, ""]);

        // Each value in UTF-8 followed by U+001F, NULL as U+0000: "" and NULL never collide.
        var expected = XxHash3.HashToUInt64("a\u001F\0\u001F\u001F"u8) + XxHash3.HashToUInt64("b\u001F1\u001Fc\u001F"u8);
        one.Value.ShouldBe(expected.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
        other.Value.ShouldBe(one.Value);
        one.Rows.ShouldBe(2);
    }
}
