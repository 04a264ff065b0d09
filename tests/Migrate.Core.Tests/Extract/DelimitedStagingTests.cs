using System.Globalization;
using System.Text;
using CsvHelper;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Mapping;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Extract;

/// <summary>
/// The staging file a delimited source gives holds its values quoted exactly as CsvHelper quotes
/// them, whether or not the record was quoted in the source: records without a quote take a
/// shorter path (only a value's ends can ask for quotes there), which must not change a byte.
/// </summary>
public sealed class DelimitedStagingTests : IDisposable
{
    private static readonly Encoding Cp932 = CodePagesEncodingProvider.Instance.GetEncoding(932)!;

    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-staging-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> StageAsync(char delimiter, string text)
    {
        var path = Path.Combine(_dir, "SRC.CSV");
        await File.WriteAllBytesAsync(path, Cp932.GetBytes(text), TestContext.Current.CancellationToken);
        var source = new SourceDefinition("src", "SRC.CSV", DelimitedFormat.FormatName, "cp932", ["A", "B", "C"], new SourcePosition("test.yaml", 1, 1), new DelimitedOptions(delimiter, true));
        var work = new WorkDirectory(Path.Combine(_dir, "work"));
        work.Create();
        var result = await new SourceExtractor(source, new FileLocation(path), work).ExtractAsync(null, TestContext.Current.CancellationToken);
        result.Rejected.ShouldBe(0);
        return await File.ReadAllTextAsync(work.StagingFile("src"), TestContext.Current.CancellationToken);
    }

    private static string Expected(IEnumerable<string[]> records)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var field in new[] { StagingWriter.LineColumn, StagingWriter.OffsetColumn, "A", "B", "C" }) csv.WriteField(field);
            csv.NextRecord();
            foreach (var record in records)
            {
                foreach (var field in record) csv.WriteField(field);
                csv.NextRecord();
            }
        }
        return text.ToString();
    }

    [Fact]
    public async Task Values_with_spaces_at_their_ends_are_quoted_in_records_with_and_without_quotes()
    {
        var staged = await StageAsync(',', "A,B,C\r\n 山田,太郎 ,x\r\n\"髙橋 \",\"a,b\",\"say \"\"hi\"\"\"\r\n1,,ｱｲｳ\r\n");

        staged.ShouldBe(Expected(
        [
            ["2", "7", " 山田", "太郎 ", "x"],
            ["3", "22", "髙橋 ", "a,b", "say \"hi\""],
            ["4", "50", "1", "", "ｱｲｳ"],
        ]));
        staged.ShouldContain("\" 山田\",\"太郎 \",x\r\n");
    }

    [Fact]
    public async Task A_tab_delimited_value_holding_a_comma_is_quoted()
    {
        var staged = await StageAsync('\t', "A\tB\tC\r\n1,2\t漢字\t end\r\n");

        staged.ShouldBe(Expected([["2", "7", "1,2", "漢字", " end"]]));
        staged.ShouldContain("\"1,2\",漢字,\" end\"\r\n");
    }
}
