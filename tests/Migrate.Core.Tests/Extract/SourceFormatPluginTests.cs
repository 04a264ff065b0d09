using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Mapping.Loading;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Extract;

/// <summary>
/// A format Core does not know (<see cref="PairsFormat"/>), registered beside the built-in ones: the
/// mapping loader hands it its source's node and the driver extracts it, neither changed for it.
/// </summary>
public sealed class SourceFormatPluginTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-plugin-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SourceFormats WithPairs(params string[] lines) =>
        new([new DelimitedFormat(), new FixedWidthFormat(), new DatabaseFormat(), new PairsFormat(lines)]);

    /// <summary>vendor-a's mapping with one more source, declared by <paramref name="block"/>.</summary>
    private string Mapping(string block)
    {
        var text = File.ReadAllText(RepoPaths.VendorAMapping);
        text.ShouldContain("sources:\n");
        var path = Path.Combine(_dir, "juki.yaml");
        File.WriteAllText(path, text.Replace("sources:\n", "sources:\n  pairs:\n" + block, StringComparison.Ordinal));
        return path;
    }

    private static int LineOf(string path, string find) => Array.FindIndex(File.ReadAllLines(path), l => l.Contains(find, StringComparison.Ordinal)) + 1;

    private static StandardDefinition Standard => StandardLoader.Load(RepoPaths.Standard());

    [Fact]
    public async Task The_loader_reads_a_registered_format_by_its_key_and_the_driver_extracts_it()
    {
        var formats = WithPairs("a:1", "b=2");
        var path = Mapping("    format: pairs\n    file: PAIRS.TXT\n    separator: \":\"\n");

        var source = MappingLoader.Load(path, Standard, formats).Sources["pairs"];

        (source.Format, source.File, source.Options).ShouldBe((PairsFormat.FormatName, "PAIRS.TXT", new PairsOptions(':')));
        var work = new WorkDirectory(Path.Combine(_dir, "work"));
        work.Create();
        var result = await new SourceExtractor(source, new FileLocation("unused"), work, formats).ExtractAsync(null, TestContext.Current.CancellationToken);
        (result.Staged, result.Rejected).ShouldBe((1L, 1L));
        (await File.ReadAllTextAsync(work.StagingFile("pairs"), TestContext.Current.CancellationToken)).ShouldBe("_line,_offset,KEY,VALUE\r\n1,10,a,1\r\n");
    }

    [Fact]
    public void Two_formats_answering_to_one_format_value_are_refused_when_registered()
    {
        Should.Throw<ArgumentException>(() => new SourceFormats([new DelimitedFormat(), new PairsFormat(), new PairsFormat()]))
            .Message.ShouldStartWith("two source formats are registered as 'pairs'");
    }

    [Fact]
    public void A_mistake_in_its_own_keys_names_the_line_and_column_of_the_node()
    {
        var path = Mapping("    format: pairs\n    file: PAIRS.TXT\n    separator: \"::\"\n");

        Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard, WithPairs()))
            .Message.ShouldBe($"{path}:{LineOf(path, "separator:")}:16: source 'pairs': the separator must be one character");
    }

    [Fact]
    public void An_unknown_format_lists_the_registered_ones_and_suggests_the_closest()
    {
        var path = Mapping("    format: pears\n    file: PAIRS.TXT\n");

        Should.Throw<MigrateException>(() => MappingLoader.Load(path, Standard, WithPairs()))
            .Message.ShouldBe($"{path}:{LineOf(path, "format: pears")}:13: source 'pairs': unknown format 'pears' (did you mean 'pairs'?); use csv, tsv, fixed, database or pairs");
    }
}
