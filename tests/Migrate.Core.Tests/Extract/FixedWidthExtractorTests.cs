using System.Text;
using System.Text.Json;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Mapping;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Extract;

/// <summary>Fixed-width records from real CP932 bytes: separators, split characters, record lengths, numbers.</summary>
public sealed class FixedWidthExtractorTests : IDisposable
{
    private static readonly Encoding Cp932 = CreateCp932();
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-fixed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Encoding CreateCp932()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932);
    }

    /// <summary>ATENA (5 bytes) + SHIMEI (10 bytes) + SEIBETSU (1 byte) = 16 bytes.</summary>
    private static SourceDefinition Layout(RecordSeparator separator, string encoding = "cp932", params FixedField[] extra)
    {
        var position = new SourcePosition("test.yaml", 1, 1);
        FixedField[] fields =
        [
            new("ATENA", 0, 5, FixedFieldType.Text, 0, position),
            new("SHIMEI", 5, 10, FixedFieldType.Text, 0, position),
            new("SEIBETSU", 15, 1, FixedFieldType.Text, 0, position),
            .. extra,
        ];
        var length = fields.Max(f => f.End);
        return new SourceDefinition("kojin", "KOJIN.DAT", FixedWidthFormat.FormatName, encoding, fields.Select(f => f.Name).ToList(), position,
            new FixedLayout(fields, length, separator));
    }

    /// <summary>One record: text padded with spaces to its field's byte length.</summary>
    private static byte[] Record(string atena, string shimei, string seibetsu, Encoding? encoding = null)
    {
        encoding ??= Cp932;
        static byte[] Pad(byte[] b, int n) => [.. b, .. Enumerable.Repeat((byte)' ', n - b.Length)];
        return [.. Pad(encoding.GetBytes(atena), 5), .. Pad(encoding.GetBytes(shimei), 10), .. encoding.GetBytes(seibetsu)];
    }

    private async Task<(ExtractResult Result, string[][] Staged, List<JsonElement> Rejects)> ExtractAsync(SourceDefinition source, byte[] file)
    {
        var path = Path.Combine(_dir, source.File);
        await File.WriteAllBytesAsync(path, file, TestContext.Current.CancellationToken);
        var work = new WorkDirectory(Path.Combine(_dir, "work"));
        work.Create();
        var result = await new SourceExtractor(source, new FileLocation(path), work).ExtractAsync(null, TestContext.Current.CancellationToken);
        var staged = (await File.ReadAllLinesAsync(work.StagingFile(source.Id), TestContext.Current.CancellationToken)).Select(l => l.Split(',')).ToArray();
        var rejects = File.ReadAllLines(work.ExtractRejects(source.Id)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        return (result, staged, rejects);
    }

    private static byte[] Join(byte[] separator, params byte[][] records) =>
        [.. records.SelectMany(r => r.Concat(separator))];

    [Theory]
    [InlineData("crlf")]
    [InlineData("lf")]
    [InlineData("auto")]
    public async Task Records_ending_with_CR_LF_or_LF_are_cut_at_byte_offsets(string separator)
    {
        var sep = separator == "lf" ? "\n"u8.ToArray() : "\r\n"u8.ToArray();
        var mode = separator switch { "crlf" => RecordSeparator.CrLf, "lf" => RecordSeparator.Lf, _ => RecordSeparator.Auto };
        var (result, staged, rejects) = await ExtractAsync(Layout(mode), Join(sep, Record("00019", "山田　太郎", "1"), Record("00027", "ﾔﾏﾀﾞ", "2")));

        rejects.ShouldBeEmpty();
        result.Records.ShouldBe(2);
        staged[0].ShouldBe(["_line", "_offset", "ATENA", "SHIMEI", "SEIBETSU"]);
        staged[1].ShouldBe(["1", "0", "00019", "山田　太郎", "1"]);
        staged[2].ShouldBe(["2", (16 + sep.Length).ToString(System.Globalization.CultureInfo.InvariantCulture), "00027", "ﾔﾏﾀﾞ", "2"]);
    }

    [Fact]
    public async Task Records_without_separator_have_exactly_the_record_length()
    {
        var (result, staged, rejects) = await ExtractAsync(Layout(RecordSeparator.None),
            [.. Record("00019", "山田　太郎", "1"), .. Record("00027", "髙橋", "2"), .. Record("00035", "佐藤", "1")]);

        rejects.ShouldBeEmpty();
        result.Staged.ShouldBe(3);
        staged[2].ShouldBe(["2", "16", "00027", "髙橋", "2"]);
        staged[3].ShouldBe(["3", "32", "00035", "佐藤", "1"]);
    }

    [Fact]
    public async Task A_field_that_ends_inside_a_double_byte_character_is_rejected_with_file_record_offset_and_field()
    {
        // SHIMEI is bytes 5–14; "山田太郎 " is 9 bytes, then 0x83 (lead byte of a katakana) at byte 14 and its
        // trail byte 0x4E at byte 15, where SEIBETSU starts.
        byte[] split = [.. "00027"u8, .. Cp932.GetBytes("山田太郎 "), .. Cp932.GetBytes("ク")];
        split.Length.ShouldBe(15 + 1);
        var (result, staged, rejects) = await ExtractAsync(Layout(RecordSeparator.CrLf), Join("\r\n"u8.ToArray(), Record("00019", "山田", "1"), split));

        result.Rejected.ShouldBe(1);
        staged.Length.ShouldBe(2);
        var reason = rejects.ShouldHaveSingleItem().GetProperty("reasons")[0];
        reason.GetProperty("code").GetString().ShouldBe(ErrorCodes.FixedSplitCharacter);
        var message = reason.GetProperty("message").GetString()!;
        message.ShouldContain("KOJIN.DAT record 2");
        message.ShouldContain("byte offset 33");   // record 2 starts at 18; SHIMEI ends at byte 15 of the record
        message.ShouldContain("field SHIMEI");
        message.ShouldNotContain("山田");
        rejects[0].GetProperty("line").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task A_record_of_the_wrong_length_is_rejected_and_the_next_one_is_read()
    {
        var (result, staged, rejects) = await ExtractAsync(Layout(RecordSeparator.Lf),
            Join("\n"u8.ToArray(), Record("00019", "山田", "1"), [.. Record("00027", "佐藤", "2"), (byte)' '], Record("00035", "鈴木", "1")));

        result.Records.ShouldBe(3);
        result.Staged.ShouldBe(2);
        var reject = rejects.ShouldHaveSingleItem();
        reject.GetProperty("reasons")[0].GetProperty("code").GetString().ShouldBe(ErrorCodes.FixedRecordLength);
        reject.GetProperty("reasons")[0].GetProperty("message").GetString()!.ShouldContain("17 bytes, expected 16");
        staged[2][2].ShouldBe("00035");
    }

    [Fact]
    public async Task A_short_last_block_without_separator_is_a_wrong_length()
    {
        var (result, _, rejects) = await ExtractAsync(Layout(RecordSeparator.None), [.. Record("00019", "山田", "1"), .. "0002"u8]);
        result.Staged.ShouldBe(1);
        rejects.ShouldHaveSingleItem().GetProperty("reasons")[0].GetProperty("code").GetString().ShouldBe(ErrorCodes.FixedRecordLength);
    }

    [Fact]
    public async Task Zoned_and_packed_fields_become_decimal_text()
    {
        var position = new SourcePosition("test.yaml", 1, 1);
        var source = Layout(RecordSeparator.None, "cp932",
            new FixedField("ZONED", 16, 4, FixedFieldType.Zoned, 0, position),
            new FixedField("NEGATIVE", 20, 4, FixedFieldType.Zoned, 2, position),
            new FixedField("PACKED", 24, 3, FixedFieldType.Packed, 0, position));
        // 0x0A inside a packed field is data, not a separator, in a file without separators.
        byte[] record = [.. Record("00019", "山田", "1"), .. "0042"u8, .. "012J"u8, 0x00, 0x10, 0x0A];
        var (_, staged, rejects) = await ExtractAsync(source, record);

        rejects.ShouldBeEmpty();
        staged[1][5..].ShouldBe(["0042", "-01.21", "00100"]);
    }

    [Fact]
    public async Task EUC_JP_fixed_width_records_are_cut_at_EUC_JP_byte_offsets()
    {
        // From the provider itself: registration happens in whichever test runs first, and the order is not fixed.
        var euc = CodePagesEncodingProvider.Instance.GetEncoding(51932)!;
        var (_, staged, rejects) = await ExtractAsync(Layout(RecordSeparator.CrLf, "euc-jp"), Join("\r\n"u8.ToArray(), Record("00019", "渡邊　一", "1", euc)));
        rejects.ShouldBeEmpty();
        staged[1].ShouldBe(["1", "0", "00019", "渡邊　一", "1"]);
    }

    [Fact]
    public async Task A_UTF8_file_declared_CP932_stops_early_and_names_UTF8()
    {
        var utf8 = Join("\r\n"u8.ToArray(), [.. "00019"u8, .. Encoding.UTF8.GetBytes("山田太"), .. " 1"u8]);
        var error = await Should.ThrowAsync<MigrateException>(() => ExtractAsync(Layout(RecordSeparator.CrLf), utf8));
        error.Message.ShouldContain("line 1 is not valid CP932");
        error.Message.ShouldContain("at byte 6");
        error.Message.ShouldContain("is the file UTF-8?");
    }
}
