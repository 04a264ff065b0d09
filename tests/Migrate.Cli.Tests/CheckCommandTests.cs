using System.Text.Json;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary><c>migrate check</c>: every mistake at once, with file, line, column, message and fix.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Broken(params (string Find, string Replace)[] edits) => MappingVariant.Write(_temp.Combine("juki.yaml"), RepoPaths.VendorAMapping, edits);

    private static (int Line, int Column) Find(string path, string text)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        index.ShouldBeGreaterThanOrEqualTo(0);
        return (index + 1, lines[index].IndexOf(text, StringComparison.Ordinal) + 1);
    }

    private static Task<CliResult> Check(params string[] args) =>
        CliRunner.RunAsync(["check", "--standard", RepoPaths.Standard(), .. args]);

    [Fact]
    public async Task The_bundled_mappings_are_valid()
    {
        var vendor = await Check("--mapping", RepoPaths.VendorAMapping);
        vendor.ExitCode.ShouldBe(0, vendor.Out + vendor.Error);
        vendor.Out.ShouldContain(": ok (2 tables");

        var overlay = await Check("--mapping", Path.Combine(RepoPaths.Root, "mappings", "municipalities", "131016-chiyoda", "juki.yaml"));
        overlay.ExitCode.ShouldBe(0, overlay.Out + overlay.Error);
    }

    [Fact]
    public async Task Code_standard_is_refused_where_the_item_has_no_code_list_and_no_code_table_may_take_its_name()
    {
        var path = Broken(
            ("      shimei: { from: SHIMEI, do: [trim, gaiji] }", "      shimei: { from: SHIMEI, do: [trim, { code: standard }] }"),
            ("code_tables:\n", "code_tables:\n  standard: { values: { \"1\": \"1\" } }\n"));

        var result = await Check("--mapping", path);

        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        result.Out.ShouldContain("'code: standard' says the column holds the codes of the item's standard list, but 氏名 (shimei) has no code list");
        var (line, column) = Find(path, "standard: { values");
        result.Out.ShouldContain($"{path}:{line}:{column}: error: a code table cannot be called 'standard'");
        result.Out.ShouldNotContain("kokuseki", Case.Sensitive, "vendor-a's 国籍・地域 says its codes are the standard's: no warning");
    }

    [Fact]
    public async Task Reports_every_mistake_with_line_column_and_fix()
    {
        var path = Broken(
            ("      seibetsu: { from: SEIBETSU", "      seibetu: { from: SEIBETSU"),
            ("do: [trim, kana]", "do: [trim, kanna]"),
            ("ido_jiyu: { from: IDO_JIYU, do: [{ code: ido_jiyu }] }", "ido_jiyu: { from: IDO_JIYU, do: [{ code: ido_jiyuu }] }"),
            ("yubin_no: { from: YUBIN, do: [{ remove: \"-\" }] }", "yubin_no: { from: YUBIN, do: [{ truncate: seven }] }"),
            ("    values: { J: \"1\", G: \"2\" }", "    values: { J: \"1\", G: \"3\" }"));

        var result = await Check("--mapping", path);

        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var (itemLine, itemColumn) = Find(path, "seibetu:");
        lines.ShouldContain($"{path}:{itemLine}:{itemColumn}: error: table 'person' of standard juki has no item 'seibetu' (did you mean 'seibetsu'?)");
        var (kanaLine, kanaColumn) = Find(path, "kanna");
        lines.ShouldContain(l => l.StartsWith($"{path}:{kanaLine}:{kanaColumn}: error: unknown transform 'kanna' (did you mean 'kana'?)", StringComparison.Ordinal));
        var (codeLine, codeColumn) = Find(path, "code: ido_jiyuu");
        lines.ShouldContain($"{path}:{codeLine}:{codeColumn}: error: transform 'code' of item 'ido_jiyu': no code table 'ido_jiyuu' under code_tables (did you mean 'ido_jiyu'?)");
        var (truncLine, truncColumn) = Find(path, "truncate: seven");
        lines.ShouldContain($"{path}:{truncLine}:{truncColumn}: error: transform 'truncate' of item 'yubin_no': 'seven' is not a whole number");
        lines.ShouldContain(l => l.Contains("code table 'jumin_shubetsu' maps 'G' to '3', which is not in the standard list 住民種別", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("error: table 'person': required item 'seibetsu' (性別) has no derivation, so every row would be rejected; add 'seibetsu: SEIBETSU' under tables.person.items", StringComparison.Ordinal));
        lines[^1].ShouldBe($"{path}: 6 error(s), 0 warning(s)");
    }

    [Fact]
    public async Task Json_lists_diagnostics_for_editors()
    {
        var path = Broken(("      seibetsu: { from: SEIBETSU", "      seibetu: { from: SEIBETSU"));
        var (line, column) = Find(path, "seibetu:");

        var result = await Check("--mapping", path, "--json");

        result.ExitCode.ShouldBe(2);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var first = json.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "mapping.invalid");
        first.GetProperty("severity").GetString().ShouldBe("error");
        first.GetProperty("file").GetString().ShouldBe(path);
        first.GetProperty("line").GetInt64().ShouldBe(line);
        first.GetProperty("column").GetInt64().ShouldBe(column);
        first.GetProperty("message").GetString().ShouldBe("table 'person' of standard juki has no item 'seibetu' (did you mean 'seibetsu'?)");
    }

    [Fact]
    public async Task With_data_it_lists_missing_code_values_and_type_mismatches()
    {
        var source = _temp.Combine("src");
        Directory.CreateDirectory(source);
        VendorAFiles.WriteJumin(source,
        [
            VendorAFiles.Person("0000000019"),
            VendorAFiles.Person("0000000027", 1, ("ZOKUGARA", "77")),
            VendorAFiles.Person("0000000035", 1, ("ZOKUGARA", "77")),
            VendorAFiles.Person("0000000043", 1, ("ZOKUGARA", "88")),
        ]);
        VendorAFiles.WriteShien(source, "0000000019,1,4300401,,市民課");
        var path = Broken(
            ("    custom: [\"07\", \"08\", \"13\", \"16\"]\n    lossy: [\"08\", \"13\"]\n    unknown: reject\n", "    custom: [\"07\", \"08\", \"13\", \"16\"]\n    lossy: [\"08\", \"13\"]\n"),
            ("rireki_no: RIREKI_NO", "rireki_no: KANA_SHIMEI"));

        var result = await Check("--mapping", path, "--source", source);

        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        result.Out.ShouldContain(": error: code table 'zokugara' has no entry for 2 value(s) found in the data: '77' (2 rows), '88' (1 rows); add them under code_tables.zokugara.values, or say what to do with them");
        var (line, column) = Find(path, "rireki_no: KANA_SHIMEI");
        result.Out.ShouldContain($"{path}:{line}:{column + "rireki_no: ".Length}: error: table 'person', item 履歴番号 (rireki_no): 4 of 4 rows from column 'KANA_SHIMEI' are not integer values (type.integer); map a column holding integer values, or convert with transforms");
        result.Out.ShouldNotContain("山田");
    }

    [Fact]
    public async Task Print_effective_shows_the_merged_overlay()
    {
        var overlay = Path.Combine(RepoPaths.Root, "mappings", "municipalities", "131016-chiyoda", "juki.yaml");

        var result = await Check("--mapping", overlay, "--print-effective");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("vendor: vendor-a");
        result.Out.ShouldContain("municipality: \"131016\"");
        result.Out.ShouldContain("C3: \"44\"");
        result.Out.ShouldNotContain("extends:");
    }
}
