using System.Globalization;
using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Mapping;
using Migrate.Core.Text;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Extract;

/// <summary>
/// CP932 is read as Windows-31J: every code Windows decodes (NEC row 13, NEC-selected IBM and IBM
/// extensions included) decodes to the same character, and only unassigned bytes are rejected.
/// </summary>
public sealed class Cp932DecodingTests : IDisposable
{
    private readonly FieldDecoder _decoder = new(LegacyEncodings.Strict("cp932"), "cp932");
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-cp932-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Microsoft's table as Python's cp932 codec has it (how it was made: the file's header).</summary>
    private static Dictionary<int, char> WindowsTable() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Extract", "cp932-windows.txt"))
            .Where(l => !l.StartsWith('#'))
            .ToDictionary(l => int.Parse(l[..4], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                l => (char)int.Parse(l[5..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private string? Decode(params byte[] bytes) => _decoder.TryDecode(bytes, out var value, out _) ? value : null;

    [Fact]
    public void Every_lead_and_trail_byte_pair_decodes_as_windows_decodes_it()
    {
        var table = WindowsTable();
        table.Count.ShouldBe(7724);
        var wrong = new List<string>();
        foreach (var lead in Enumerable.Range(0x81, 0x9F - 0x81 + 1).Concat(Enumerable.Range(0xE0, 0xFC - 0xE0 + 1)))
        {
            for (var trail = 0; trail <= 0xFF; trail++)
            {
                var code = lead << 8 | trail;
                var userDefined = lead is >= 0xF0 and <= 0xF9 && trail is (>= 0x40 and <= 0x7E) or (>= 0x80 and <= 0xFC);
                string? expected = table.TryGetValue(code, out var c) ? c.ToString()
                    : userDefined ? ((char)(0xE000 + (lead - 0xF0) * 188 + trail - 0x40 - (trail > 0x7F ? 1 : 0))).ToString()
                    : null;
                var actual = Decode((byte)lead, (byte)trail);
                if (actual != expected) wrong.Add($"{code:X4}: {Show(actual)} instead of {Show(expected)}");
            }
        }
        wrong.ShouldBeEmpty();
    }

    private static string Show(string? s) => s is null ? "rejected" : string.Join(" ", s.Select(ch => $"U+{(int)ch:X4}"));

    [Fact]
    public void Single_bytes_decode_except_the_unassigned_ones()
    {
        for (var b = 0; b <= 0xFF; b++)
        {
            if (b is (>= 0x81 and <= 0x9F) or (>= 0xE0 and <= 0xFC)) continue;   // lead bytes
            var actual = Decode((byte)b);
            if (b is 0x80 or 0xA0 or >= 0xFD) actual.ShouldBeNull($"byte 0x{b:X2}");
            else actual.ShouldBe(b < 0x80 ? ((char)b).ToString() : ((char)(0xFF61 + b - 0xA1)).ToString(), $"byte 0x{b:X2}");
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x87, 0x40 }, "①")]          // NEC row 13
    [InlineData(new byte[] { 0x87, 0x54 }, "Ⅰ")]
    [InlineData(new byte[] { 0x87, 0x90 }, "≒")]          // NEC row 13 duplicate of 0x81E0
    [InlineData(new byte[] { 0x87, 0x9A }, "∵")]
    [InlineData(new byte[] { 0x87, 0x9C }, "∪")]
    [InlineData(new byte[] { 0xEE, 0xE0 }, "\u9AD9")]     // NEC-selected IBM extension: 髙
    [InlineData(new byte[] { 0xED, 0x95 }, "\uFA11")]     // 﨑
    [InlineData(new byte[] { 0xED, 0x40 }, "纊")]
    [InlineData(new byte[] { 0xEE, 0xEF }, "ⅰ")]
    [InlineData(new byte[] { 0xEE, 0xFC }, "＂")]
    [InlineData(new byte[] { 0xFA, 0x40 }, "ⅰ")]          // IBM extension
    [InlineData(new byte[] { 0xFA, 0x4A }, "Ⅰ")]
    [InlineData(new byte[] { 0xFA, 0x58 }, "㈱")]
    [InlineData(new byte[] { 0xFA, 0x59 }, "№")]
    [InlineData(new byte[] { 0xFA, 0x5A }, "℡")]
    [InlineData(new byte[] { 0xFA, 0x5B }, "∵")]
    [InlineData(new byte[] { 0xFB, 0xFC }, "\u9AD9")]
    [InlineData(new byte[] { 0xFC, 0x4B }, "黑")]
    public void Extension_codes_decode_to_the_character_windows_gives(byte[] bytes, string expected) =>
        Decode(bytes).ShouldBe(expected);

    [Fact]
    public void Extension_codes_decode_inside_longer_text()
    {
        // 髙橋 﨑 ㈱ with the 髙 and 﨑 of the NEC-selected IBM extensions, between ASCII and JIS kanji.
        Decode(0x41, 0xEE, 0xE0, 0x8B, 0xB4, 0x20, 0xED, 0x95, 0xFA, 0x58, 0x42).ShouldBe("A髙橋 﨑㈱B");
    }

    [Theory]
    [InlineData(new byte[] { 0x85, 0x40 }, "0x85 0x40")]  // unassigned row
    [InlineData(new byte[] { 0xEE, 0xED }, "0xEE 0xED")]  // the gap between 0xEEEC and 0xEEEF
    [InlineData(new byte[] { 0x87, 0x9D }, "0x87 0x9D")]  // past NEC row 13
    [InlineData(new byte[] { 0xFC, 0x4C }, "0xFC 0x4C")]  // past the IBM extensions
    public void Unassigned_codes_are_rejected_with_their_bytes(byte[] bytes, string shown)
    {
        _decoder.TryDecode(bytes, out var value, out var problem).ShouldBeFalse();
        value.ShouldBe("");
        problem!.Code.ShouldBe(ErrorCodes.EncodingInvalid);
        problem.Message.ShouldBe($"bytes {shown} at byte 1 of the field are not valid CP932 (Shift_JIS)");
    }

    [Fact]
    public async Task A_csv_record_written_with_extension_codes_is_staged_with_their_characters()
    {
        var path = Path.Combine(_dir, "JUMIN.CSV");
        byte[] bytes = [.. "ID,SHIMEI\r\n1,"u8, 0xEE, 0xE0, 0x8B, 0xB4, .. "\r\n2,"u8, 0xED, 0x95, 0x8C, 0xB3, .. "\r\n3,"u8, 0xFA, 0x58, 0x87, 0x54, .. "\r\n"u8];
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);
        var source = new SourceDefinition("jumin", "JUMIN.CSV", DelimitedFormat.FormatName, "cp932", ["ID", "SHIMEI"], new SourcePosition("test.yaml", 1, 1), new DelimitedOptions(',', true));
        var work = new WorkDirectory(Path.Combine(_dir, "work"));
        work.Create();

        var result = await new SourceExtractor(source, new FileLocation(path), work).ExtractAsync(null, TestContext.Current.CancellationToken);

        result.Rejected.ShouldBe(0);
        var staged = await File.ReadAllLinesAsync(work.StagingFile("jumin"), Encoding.UTF8, TestContext.Current.CancellationToken);
        staged.Skip(1).Select(l => l.Split(',')[3]).ShouldBe(["\u9AD9橋", "\uFA11元", "㈱Ⅰ"]);
    }
}
