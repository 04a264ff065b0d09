using System.Text;
using System.Text.Json;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Mapping;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Extract;

/// <summary>Delimited files in every supported encoding, and wrong encodings caught on the first line.</summary>
public sealed class EncodingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-enc-").FullName;

    public EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SourceDefinition Csv(string encoding) =>
        new("jumin", "JUMIN.CSV", DelimitedFormat.FormatName, encoding, ["ATENA_NO", "SHIMEI"], new SourcePosition("test.yaml", 3, 5), new DelimitedOptions(',', true));

    private async Task<string[]> ExtractAsync(string encoding, byte[] file)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var path = Path.Combine(_dir, "JUMIN.CSV");
        await File.WriteAllBytesAsync(path, file, TestContext.Current.CancellationToken);
        var work = new WorkDirectory(Path.Combine(_dir, "work"));
        work.Create();
        var result = await new SourceExtractor(Csv(encoding), new FileLocation(path), work).ExtractAsync(null, TestContext.Current.CancellationToken);
        result.Rejected.ShouldBe(0);
        result.File.ShouldBe("JUMIN.CSV");
        return await File.ReadAllLinesAsync(work.StagingFile("jumin"), TestContext.Current.CancellationToken);
    }

    private const string Text = "ATENA_NO,SHIMEI\r\n0000000019,山田　太郎\r\n0000000027,\"髙橋, 花子\"\r\n";

    [Theory]
    [InlineData("utf-16", true, false)]
    [InlineData("utf-16le", false, false)]
    [InlineData("utf-16be", false, true)]
    [InlineData("utf-16", true, true)]
    public async Task UTF16_files_are_read_with_their_line_numbers(string encoding, bool bom, bool bigEndian)
    {
        var utf16 = new UnicodeEncoding(bigEndian, bom);
        var staged = await ExtractAsync(encoding, [.. utf16.GetPreamble(), .. utf16.GetBytes(Text)]);
        staged.ShouldBe(["_line,_offset,ATENA_NO,SHIMEI", "2,17,0000000019,山田　太郎", "3,45,0000000027,\"髙橋, 花子\""]);
    }

    [Fact]
    public async Task EUC_JP_files_decode()
    {
        var staged = await ExtractAsync("euc-jp", Encoding.GetEncoding(51932).GetBytes(Text.Replace("髙", "高", StringComparison.Ordinal)));
        staged[1].ShouldBe("2,17,0000000019,山田　太郎");
    }

    [Fact]
    public async Task UTF8_with_a_byte_order_mark_decodes()
    {
        var staged = await ExtractAsync("utf-8", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)]);
        staged[2].ShouldBe("3,48,0000000027,\"髙橋, 花子\"");
    }

    [Fact]
    public async Task A_UTF8_file_declared_CP932_stops_on_line_1_naming_the_byte_and_UTF8()
    {
        var error = await Should.ThrowAsync<MigrateException>(() => ExtractAsync("cp932", Encoding.UTF8.GetBytes("ATENA_NO,氏名\r\n0000000019,山田\r\n")));
        error.Message.ShouldBe("JUMIN.CSV: line 1 is not valid CP932 (Shift_JIS) at byte 10: its bytes are UTF-8 multi-byte sequences; is the file UTF-8?");
    }

    [Fact]
    public async Task A_UTF16_file_declared_CP932_stops_naming_UTF16()
    {
        var error = await Should.ThrowAsync<MigrateException>(() => ExtractAsync("cp932", Encoding.Unicode.GetBytes(Text)));
        error.Message.ShouldContain("line 1 is not valid CP932 (Shift_JIS) at byte 2");
        error.Message.ShouldContain("is the file UTF-16LE?");
    }

    [Fact]
    public async Task A_CP932_file_declared_UTF16_stops_naming_CP932()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var error = await Should.ThrowAsync<MigrateException>(() => ExtractAsync("utf-16", Encoding.GetEncoding(932).GetBytes(Text)));
        error.Message.ShouldContain("line 1 is not valid UTF-16");
        error.Message.ShouldContain("is the file CP932 (Shift_JIS)?");
    }
}
