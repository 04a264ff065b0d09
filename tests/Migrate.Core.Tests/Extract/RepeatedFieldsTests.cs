using System.Text;
using System.Text.Json;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Mapping;
using Migrate.Core.Text;
using Migrate.Core.Work;
using nietras.SeparatedValues;

namespace Migrate.Core.Tests.Extract;

/// <summary>
/// A field equal to the one above it is taken from the row above instead of being decoded again:
/// the staging file must hold exactly what decoding every field gives, whatever repeats, differs
/// by one byte, fails to decode or is too long to be kept.
/// </summary>
public sealed class RepeatedFieldsTests : IDisposable
{
    private static readonly Encoding Cp932 = LegacyEncodings.Strict("cp932");
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-repeated-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Staged_values_are_what_decoding_each_field_gives()
    {
        var longName = string.Concat(Enumerable.Repeat("髙", 300));
        string[] lines =
        [
            "NO,SHIMEI,CODE",
            "1,山田　太郎,01",
            "2,山田　太郎,01",      // repeats
            "3,山田　次郎,\"01\"",  // same byte length, one character differs; the code quoted this time
            "4,INVALID,01",         // undecodable bytes in SHIMEI: rejected, not the value above
            "5,山田　次郎,01",      // repeats the last value that decoded
            $"6,{longName},02",
            $"7,{longName},02",     // too long to be kept: decoded again
            "8,,02",
            "9,ﾔﾏﾀﾞ,",
        ];
        var bytes = new List<byte>();
        foreach (var line in lines)
        {
            bytes.AddRange(line.StartsWith("4,", StringComparison.Ordinal)
                ? [.. Cp932.GetBytes("4,"), 0x81, 0xFF, .. Cp932.GetBytes(",01")]
                : Cp932.GetBytes(line));
            bytes.AddRange("\r\n"u8.ToArray());
        }
        var path = Path.Combine(_dir, "JUMIN.CSV");
        await File.WriteAllBytesAsync(path, [.. bytes], TestContext.Current.CancellationToken);
        var source = new SourceDefinition("jumin", "JUMIN.CSV", DelimitedFormat.FormatName, "cp932", ["NO", "SHIMEI", "CODE"], new SourcePosition("test.yaml", 1, 1), new DelimitedOptions(',', true));
        var work = new WorkDirectory(Path.Combine(_dir, "work"));
        work.Create();

        var result = await new SourceExtractor(source, new FileLocation(path), work).ExtractAsync(null, TestContext.Current.CancellationToken);

        result.Staged.ShouldBe(8);
        result.Rejected.ShouldBe(1);
        using var staged = Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true }).FromFile(work.StagingFile("jumin"));
        var rows = staged.Enumerate(r => (No: r["NO"].ToString(), Shimei: r["SHIMEI"].ToString(), Code: r["CODE"].ToString())).ToList();
        rows.ShouldBe(
        [
            ("1", "山田　太郎", "01"),
            ("2", "山田　太郎", "01"),
            ("3", "山田　次郎", "01"),
            ("5", "山田　次郎", "01"),
            ("6", longName, "02"),
            ("7", longName, "02"),
            ("8", "", "02"),
            ("9", "ﾔﾏﾀﾞ", ""),
        ]);
        var reject = JsonDocument.Parse(File.ReadAllLines(work.ExtractRejects("jumin")).Single()).RootElement;
        reject.GetProperty("line").GetInt64().ShouldBe(5);
        reject.GetProperty("reasons")[0].GetProperty("code").GetString().ShouldBe(ErrorCodes.EncodingInvalid);
        reject.GetProperty("reasons")[0].GetProperty("column").GetString().ShouldBe("SHIMEI");
    }
}
