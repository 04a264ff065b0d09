using System.Text;
using System.Text.Json;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>Each kind of bad input gives a message naming the file, line and column, never a stack trace.</summary>
public sealed class MalformedInputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public MalformedInputTests()
    {
        Directory.CreateDirectory(Source);
        VendorAFiles.WriteShien(Source);
    }

    public void Dispose() => _temp.Dispose();

    private string Source => _temp.Combine("src");
    private string Work => _temp.Combine("work");
    private string Jumin => Path.Combine(Source, "JUMIN.CSV");

    private Task<CliResult> ExtractAsync() =>
        CliRunner.RunAsync("extract", "--mapping", RepoPaths.VendorAMapping, "--source", Source, "--out", Work, "--quiet");

    private List<JsonElement> ExtractRejects() =>
        File.ReadAllLines(Path.Combine(Work, "rejects", "jumin.extract.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task Invalid_cp932_bytes_reject_the_record_naming_line_column_and_bytes()
    {
        VendorAFiles.WriteJumin(Source, [VendorAFiles.Person("0000000019")]);
        var line = Cp932.Strict.GetBytes(VendorAFiles.Line(VendorAFiles.JuminColumns, VendorAFiles.Person("0000000027", 1, ("MEMO", "XY"))));
        var at = Array.LastIndexOf(line, (byte)'X');
        line[at] = 0x81;
        line[at + 1] = 0x20;
        VendorAFiles.AppendBytes(Jumin, line);

        var result = await ExtractAsync();

        result.ExitCode.ShouldBe(0, result.Error);
        var reject = ExtractRejects().ShouldHaveSingleItem();
        reject.GetProperty("line").GetInt64().ShouldBe(3);
        var reason = reject.GetProperty("reasons")[0];
        reason.GetProperty("code").GetString().ShouldBe("encoding.invalid");
        reason.GetProperty("column").GetString().ShouldBe("MEMO");
        reason.GetProperty("message").GetString().ShouldBe("line 3, column 34 (MEMO): bytes 0x81 0x20 at byte 1 of the field are not valid CP932 (Shift_JIS)");
        reject.GetProperty("raw_hex").GetString()!.ShouldContain("8120");
    }

    [Fact]
    public async Task Wrong_column_count_is_rejected_with_the_counts()
    {
        VendorAFiles.WriteJumin(Source, [VendorAFiles.Person("0000000019")], "1,2,3");

        (await ExtractAsync()).ExitCode.ShouldBe(0);

        var reason = ExtractRejects().ShouldHaveSingleItem().GetProperty("reasons")[0];
        reason.GetProperty("code").GetString().ShouldBe("csv.column-count");
        reason.GetProperty("message").GetString().ShouldBe("line 3: 3 fields, expected 35");
    }

    [Fact]
    public async Task Broken_quoting_is_rejected_with_its_line()
    {
        var good = VendorAFiles.Line(VendorAFiles.JuminColumns, VendorAFiles.Person("0000000027"));
        VendorAFiles.WriteJumin(Source, [VendorAFiles.Person("0000000019")], "0000000027,1,0000000019,\"山\"田" + good[good.IndexOf(",ﾔ", StringComparison.Ordinal)..]);

        (await ExtractAsync()).ExitCode.ShouldBe(0);

        var reject = ExtractRejects().ShouldHaveSingleItem();
        reject.GetProperty("line").GetInt64().ShouldBe(3);
        reject.GetProperty("reasons")[0].GetProperty("code").GetString().ShouldBe("csv.bad-quote");
    }

    [Fact]
    public async Task A_utf8_file_declared_cp932_stops_with_a_suggestion()
    {
        var lines = new[] { string.Join(",", VendorAFiles.JuminColumns), VendorAFiles.Line(VendorAFiles.JuminColumns, VendorAFiles.Person("0000000019", 1, ("KANA_SHIMEI", "ヤマダ"))) };
        await File.WriteAllTextAsync(Jumin, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(true), TestContext.Current.CancellationToken);

        var result = await ExtractAsync();

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain("JUMIN.CSV");
        result.Error.ShouldContain("is the file UTF-8?");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_header_that_differs_from_the_mapping_names_the_column()
    {
        var columns = VendorAFiles.JuminColumns.ToArray();
        columns[2] = "SETAI";
        VendorAFiles.Write(Jumin, columns, []);

        var result = await ExtractAsync();

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain("JUMIN.CSV:1: header column 3 is 'SETAI', but the mapping");
        result.Error.ShouldContain("expects 'SETAI_NO'");
    }

    [Fact]
    public async Task A_missing_source_file_is_a_usage_error()
    {
        var result = await ExtractAsync();

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("JUMIN.CSV");
        result.Error.ShouldContain("not found");
    }

    [Fact]
    public async Task A_source_that_is_a_device_is_refused_naming_it()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "needs /dev/zero");
        File.CreateSymbolicLink(Jumin, "/dev/zero");

        var result = await ExtractAsync();

        // The link leads out of --source, which is refused first; either refusal names the file and reads nothing.
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("JUMIN.CSV");
        result.Error.ShouldMatch("character device, not a regular file|outside");
        result.Error.ShouldNotContain("internal error");
    }

    [Fact]
    public async Task A_source_that_is_a_directory_is_refused_naming_it()
    {
        Directory.CreateDirectory(Jumin);

        var result = await ExtractAsync();

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain($"{Jumin}: the legacy file for source 'jumin' is a directory");
    }

    [Fact]
    public async Task An_empty_file_whose_mapping_expects_a_header_is_a_data_error()
    {
        await File.WriteAllBytesAsync(Jumin, [], TestContext.Current.CancellationToken);

        var result = await ExtractAsync();

        result.ExitCode.ShouldBe(3);
        result.Error.ShouldContain("JUMIN.CSV: the file is empty, but the mapping");
        result.Error.ShouldContain("says it starts with a header line");
    }

    [Fact]
    public async Task A_header_only_file_is_an_empty_source()
    {
        VendorAFiles.WriteJumin(Source, []);

        var result = await ExtractAsync();

        result.ExitCode.ShouldBe(0, result.Error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Work, "manifest.json")));
        var jumin = manifest.RootElement.GetProperty("extract").GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source_id").GetString() == "jumin");
        jumin.GetProperty("records").GetInt64().ShouldBe(0);
        jumin.GetProperty("staged").GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task A_cp932_file_declared_utf8_stops_with_the_likely_encoding()
    {
        // An ASCII header decodes in both; the records are where the encoding shows.
        VendorAFiles.WriteJumin(Source, Enumerable.Range(1, 5).Select(i => VendorAFiles.Person($"00000000{i}9")));
        var overlay = _temp.Combine("utf8.yaml");
        await File.WriteAllTextAsync(overlay, $"extends: {RepoPaths.VendorAMapping}\nsources:\n  jumin: {{ encoding: utf-8 }}\n", TestContext.Current.CancellationToken);

        var standard = RepoPaths.Standard();

        var result = await CliRunner.RunAsync("run", "--mapping", overlay, "--standard", standard, "--source", Source, "--out", Work, "--quiet");

        result.ExitCode.ShouldBe(3, result.Error);
        result.Error.ShouldContain("JUMIN.CSV: 5 of the first 5 records are not valid UTF-8 (first at line 2, column 4: ");
        result.Error.ShouldContain("is the file CP932 (Shift_JIS)?");
        File.Exists(Path.Combine(Work, "standard.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("run", "--mapingg", "x");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("--mapingg");
    }
}
