using System.Text.Json;
using Migrate.Cli.Tests.Support;
using Migrate.Samples;

namespace Migrate.Cli.Tests;

/// <summary>
/// <c>migrate init</c> on the fixed-width (vendor-b) and database (vendor-c) sample vendors: one source
/// at a time (joins are added by hand), drafted to the juki person table. What one file cannot tell
/// (items kept in the other files, the critical support table) is an open decision that check lists
/// with its position and run refuses, never a placeholder that loads.
/// </summary>
public sealed class InitSampleVendorsTests : IDisposable
{
    private static readonly string Standard = RepoPaths.Standard();

    // KOJIN.DAT's record layout as a contractor would copy it from the vendor's documentation.
    private const string KojinLayout = """
        encoding: cp932
        separator: crlf
        record_length: 227
        fields:
          - { name: ATENA_NO, length: 10 }
          - { name: SETAI_NO, length: 10 }
          - { name: SHIMEI, length: 40 }
          - { name: KANA, length: 40 }
          - { name: SEINENGAPPI, length: 7, type: era-date }
          - { name: SEIBETSU, length: 1 }
          - { name: HONSEKI, length: 60 }
          - { name: HITTOSHA, length: 20 }
          - { name: KOJIN_NO, length: 12 }
          - { name: JUKI_CODE, length: 11 }
          - { name: SHIEN_KBN, length: 1 }
          - { name: SHIEN_KAISHI, length: 7, type: era-date }
          - { name: SHIEN_SHURYO, length: 7, type: era-date }
          - { name: GAIKOKU_KBN, length: 1 }
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> VendorBAsync()
    {
        var source = _temp.Combine("vendor-b");
        await new VendorBSample().WriteAsync(new SampleOptions("vendor-b", 800, 7, source), null, Ct);
        return source;
    }

    private async Task<string> VendorCAsync()
    {
        var source = _temp.Combine("vendor-c");
        await new VendorCSample().WriteAsync(new SampleOptions("vendor-c", 800, 11, source), null, Ct);
        return Path.Combine(source, VendorCSchema.DatabaseFile);
    }

    [Fact]
    public async Task Init_on_vendor_b_KOJIN_DAT_with_its_layout_drafts_a_fixed_source_that_checks_and_runs_with_no_unexpected_rejects()
    {
        var source = await VendorBAsync();
        var layout = _temp.Combine("kojin-layout.yaml");
        await File.WriteAllTextAsync(layout, KojinLayout, Ct);
        var draft = _temp.Combine("draft.yaml");

        var init = await CliRunner.RunAsync("init", "--source", Path.Combine(source, VendorBSample.KojinFile), "--layout", layout,
            "--standard", Standard, "--table", "person", "--vendor", "vendor-b", "--out", draft);

        init.ExitCode.ShouldBe(0, init.Error);
        init.Error.ShouldContain("SEINENGAPPI");
        init.Error.ShouldContain("和暦");
        init.Error.ShouldContain("半角カナ");
        foreach (var personal in new[] { "佐藤", "東京都", "一郎" }) init.Error.ShouldNotContain(personal);
        var text = await File.ReadAllTextAsync(draft, Ct);
        text.ShouldContain("format: fixed");
        text.ShouldContain("separator: crlf");
        text.ShouldContain("record_length: 227");
        text.ShouldContain("- {name: SEINENGAPPI, offset: 100, length: 7, type: era-date}");   // offsets resolved from the layout
        text.ShouldContain("seinengappi: {from: SEINENGAPPI, do: [trim, {wareki: \"legacy\"}]}");
        text.ShouldContain("kojin_no: {from: KOJIN_NO");
        text.ShouldContain("shimei: {from: SHIMEI, do: [trim, gaiji]}");
        text.ShouldContain("add them here and list them under the table's 'joins' by hand");
        text.ShouldNotContain("佐藤");

        // KOJIN.DAT alone has no 履歴番号, 続柄 … (they live in the other files): each is an open decision, never a placeholder.
        text.ShouldContain("rireki_no: {todo: \"no legacy column found for required 履歴番号 (rireki_no)");
        await AssertRefusedUntilResolvedAsync(draft, ["--source", source], "tables.person.items.rireki_no", "tables.person.items.shien_sochi_flag");
    }

    [Fact]
    public async Task Init_on_the_vendor_c_persons_table_drafts_a_database_source_without_the_connection_that_checks_and_runs_with_no_unexpected_rejects()
    {
        var database = await VendorCAsync();
        var draft = _temp.Combine("draft.yaml");

        var init = await CliRunner.RunAsync("init", "--source-connection", "sqlite:" + database, "--source-table", "persons", "--order-by", "person_id",
            "--standard", Standard, "--table", "person", "--vendor", "vendor-c", "--out", draft);

        init.ExitCode.ShouldBe(0, init.Error);
        init.Error.ShouldContain("birth_wareki");
        init.Error.ShouldContain("--source-connection");
        var text = await File.ReadAllTextAsync(draft, Ct);
        foreach (var output in new[] { init.Out, init.Error, text })
        {
            output.ShouldNotContain(database);
            output.ShouldNotContain(VendorCSchema.DatabaseFile);
        }
        text.ShouldContain("format: database");
        text.ShouldContain("table: persons");
        text.ShouldContain("order_by: [person_id]");
        text.ShouldContain("columns: [person_id, atena_no, household_id, name,");
        text.ShouldContain("give --source-connection");
        text.ShouldContain("atena_no: {from: atena_no, do: [trim]}");          // its own name wins over the synonym PERSON_ID
        text.ShouldContain("kojin_no: {from: my_number, do: [trim]}");         // by synonym

        await AssertRefusedUntilResolvedAsync(draft, ["--source-connection", "sqlite:" + database], "tables.person.items.shien_sochi_flag");
    }

    [Fact]
    public async Task Init_without_order_by_marks_a_TODO_and_a_wrong_table_name_is_a_usage_error_with_a_suggestion()
    {
        var database = await VendorCAsync();
        var draft = _temp.Combine("draft.yaml");

        var wrong = await CliRunner.RunAsync("init", "--source-connection", "sqlite:" + database, "--source-table", "person", "--standard", Standard, "--out", draft);
        wrong.ExitCode.ShouldBe(2);
        wrong.Error.ShouldContain("no table 'person' (did you mean 'persons'?)");
        wrong.Error.ShouldNotContain(database);
        File.Exists(draft).ShouldBeFalse();

        var missing = await CliRunner.RunAsync("init", "--source-connection", "sqlite:" + database, "--standard", Standard, "--out", draft);
        missing.ExitCode.ShouldBe(2);
        missing.Error.ShouldContain("--source-table");

        var sampled = await CliRunner.RunAsync("init", "--source-connection", "sqlite:" + database, "--source-table", "PERSONS", "--sample", "50",
            "--standard", Standard, "--table", "person", "--out", draft, "--quiet", "--json");
        sampled.ExitCode.ShouldBe(0, sampled.Error);
        using var summary = JsonDocument.Parse(sampled.Out);
        var profiled = summary.RootElement.GetProperty("sources")[0];
        profiled.GetProperty("format").GetString().ShouldBe("database");
        profiled.GetProperty("records").GetInt64().ShouldBe(50);
        var text = await File.ReadAllTextAsync(draft, Ct);
        text.ShouldContain("table: persons");                                   // as the database spells it
        text.ShouldContain("TODO: add order_by");
    }

    [Fact]
    public async Task Init_takes_the_layout_from_a_mapping_by_file_name_and_refuses_a_layout_that_does_not_fit_the_file()
    {
        var source = await VendorBAsync();
        var draft = _temp.Combine("draft.yaml");
        var vendorMapping = RepoPaths.VendorMapping("vendor-b");

        var fromMapping = await CliRunner.RunAsync("init", "--source", Path.Combine(source, VendorBSample.RirekiFile), "--layout", vendorMapping,
            "--standard", Standard, "--table", "person", "--sample", "100", "--out", draft, "--quiet");
        fromMapping.ExitCode.ShouldBe(0, fromMapping.Error);
        var text = await File.ReadAllTextAsync(draft, Ct);
        text.ShouldContain("separator: none");
        text.ShouldContain("- {name: KOSHIN_CNT, offset: 46, length: 3, type: packed}");
        text.ShouldContain("rireki_no: {from: RIREKI_NO");
        text.ShouldContain("RIREKI.DAT: 100 records profiled, 0 unreadable");

        var layout = _temp.Combine("kojin-layout.yaml");
        await File.WriteAllTextAsync(layout, KojinLayout, Ct);
        var wrong = await CliRunner.RunAsync("init", "--source", Path.Combine(source, VendorBSample.SetaiFile), "--layout", layout,
            "--standard", Standard, "--out", _temp.Combine("wrong.yaml"));
        wrong.ExitCode.ShouldBe(3);
        wrong.Error.ShouldContain("fixed.record-length");
        wrong.Error.ShouldContain("check the layout");
    }

    /// <summary>
    /// check lists every open decision with its line and column (and the critical support table this
    /// one-table draft leaves unmapped) and exits 2; run refuses the draft with exit 2 and loads nothing.
    /// </summary>
    private async Task AssertRefusedUntilResolvedAsync(string draft, string[] source, params string[] unresolved)
    {
        var check = await CliRunner.RunAsync("check", "--mapping", draft, "--standard", Standard);
        check.ExitCode.ShouldBe(2, check.Out + check.Error);
        foreach (var where in unresolved) check.Out.ShouldMatch($@"draft\.yaml:\d+:\d+: error: unresolved {System.Text.RegularExpressions.Regex.Escape(where)}: ");
        check.Out.ShouldContain("critical table 'support' (支援措置) is not mapped");

        var work = _temp.Combine("work");
        var run = await CliRunner.RunAsync(["run", "--mapping", draft, "--standard", Standard, .. source, "--out", work, "--quiet"]);
        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldContain("unresolved tables.person.items.");
        File.Exists(Path.Combine(work, "standard.db")).ShouldBeFalse();
    }
}
