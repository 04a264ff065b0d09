using System.Globalization;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>
/// <c>check --source</c> predicts the run and fails like it: a table that would load nothing, rejects
/// above the per-table threshold (5% unless --max-rejects says otherwise) and an unmapped critical item
/// are errors (exit 2) with the main reasons per item and a fix.
/// </summary>
public sealed class CheckPredictionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Mapping(params (string Find, string Replace)[] edits) => MappingVariant.Write(_temp.Combine("juki.yaml"), RepoPaths.VendorAMapping, edits);

    /// <summary>40 persons, <paramref name="odd"/> of them with a 性別 the mapping's code table does not know.</summary>
    private string Source(int odd)
    {
        var source = _temp.Combine("src");
        Directory.CreateDirectory(source);
        VendorAFiles.WriteJumin(source, Enumerable.Range(1, 40).Select(i => VendorAFiles.Person((i * 8).ToString("0000000000", CultureInfo.InvariantCulture), 1,
            ("SEIBETSU", i <= odd ? "X" : "F"))));
        VendorAFiles.WriteShien(source);
        return source;
    }

    [Fact]
    public async Task A_postal_code_transform_that_rejects_every_row_is_an_error_that_the_table_would_load_nothing()
    {
        var mapping = Mapping(("yubin_no: { from: YUBIN, do: [{ remove: \"-\" }] }", "yubin_no: YUBIN"));

        var check = await CliRunner.RunAsync("check", "--mapping", mapping, "--source", Source(0));

        check.ExitCode.ShouldBe(2, check.Out);
        check.Out.ShouldContain("error: table 'person' would load 0 of 40 records, so run would fail: 郵便番号 (yubin_no) chars.digits 40; 郵便番号 (yubin_no) length.exceeded 40; fix the derivations named");
        check.Out.ShouldMatch(@"juki\.yaml:\d+:\d+: error: table 'person', item 郵便番号 \(yubin_no\): 40 of 40 rows from column 'YUBIN' are longer than the standard's 7 characters;.* that is 100% of the table, so run would fail \(--max-rejects 5% \(the default\)\)");
    }

    [Fact]
    public async Task Rejects_above_five_percent_of_a_table_fail_check_unless_max_rejects_allows_them()
    {
        var mapping = Mapping();
        var source = Source(odd: 4);

        var strict = await CliRunner.RunAsync("check", "--mapping", mapping, "--source", source);
        var allowed = await CliRunner.RunAsync("check", "--mapping", mapping, "--source", source, "--max-rejects", "20%");
        var few = await CliRunner.RunAsync("check", "--mapping", mapping, "--source", Source(odd: 2), "--max-rejects", "5%");

        strict.ExitCode.ShouldBe(2, strict.Out);
        strict.Out.ShouldContain("error: table 'person' would reject 4 of 40 records (10%), more than --max-rejects 5% (the default) allows, so run would fail: 性別 (seibetsu) code.unknown 4;");
        strict.Out.ShouldContain("error: code table 'seibetsu' has no entry for 1 value(s) found in the data: 'X' (4 rows)");
        allowed.ExitCode.ShouldBe(0, allowed.Out);
        allowed.Out.ShouldContain("warning: code table 'seibetsu' has no entry for 1 value(s)");
        few.ExitCode.ShouldBe(0, few.Out); // 2 of 40 is exactly 5%: not above it
    }

    [Fact]
    public async Task An_export_without_residents_fails_check_as_it_fails_run()
    {
        var source = _temp.Combine("empty");
        Directory.CreateDirectory(source);
        VendorAFiles.WriteJumin(source, []);
        VendorAFiles.WriteShien(source);

        var check = await CliRunner.RunAsync("check", "--mapping", Mapping(), "--source", source);
        var run = await CliRunner.RunAsync("run", "--mapping", Mapping(), "--source", source, "--out", _temp.Combine("work"), "--quiet");

        check.ExitCode.ShouldBe(2, check.Out);
        check.Out.ShouldContain("error: table 'person': its source JUMIN.CSV has no records, so run would fail: an export without residents is not complete");
        run.ExitCode.ShouldBe(3, run.Error);
        run.Error.ShouldContain("person: the source JUMIN.CSV has no records; an export without residents is not complete");
    }

    [Fact]
    public async Task An_unmapped_critical_item_is_an_error_without_data()
    {
        var mapping = Mapping(("      shien_sochi_flag: { from: SHIEN_FLG, do: [{ default: \"0\" }] }\n", ""));

        var check = await CliRunner.RunAsync("check", "--mapping", mapping);

        check.ExitCode.ShouldBe(2, check.Out);
        check.Out.ShouldContain("error: table 'person': critical item 'shien_sochi_flag' (支援措置対象フラグ) has no derivation, so every protected person would load unprotected; add 'shien_sochi_flag: SHIEN_FLG' under tables.person.items");
    }
}
