using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Migrate.Cli.Tests.Support;
using Migrate.Samples;

namespace Migrate.Cli.Tests;

/// <summary>The vendor-a sample, generated and run once, that the damaged copies are compared with.</summary>
public sealed class VendorABaseline : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public string Source => _temp.Combine("base");
    public string Work => _temp.Combine("base-work");
    public HashSet<(string Atena, long Rireki)> Loaded { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        await new VendorASample().WriteAsync(new SampleOptions("vendor-a", 300, 5, Source), null, CancellationToken.None);
        var result = await MigrateAsync(Source, Work);
        if (result.ExitCode != 0) throw new InvalidOperationException("baseline run failed: " + result.Error);
        Loaded = CsvRecordBoundsTests.LoadedPersons(Work);
    }

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }

    public static Task<CliResult> MigrateAsync(string source, string work) =>
        CliRunner.RunAsync("run", "--mapping", RepoPaths.VendorAMapping, "--source", source, "--out", work, "--quiet");
}

/// <summary>
/// A broken quote or an oversized line in a real CP932 export costs that one record, with its line
/// and byte offset, and every other record is loaded; quoted values spanning lines stay one record.
/// </summary>
public sealed class CsvRecordBoundsTests(VendorABaseline baseline) : IClassFixture<VendorABaseline>, IDisposable
{
    private static readonly Encoding Cp932 = Migrate.TestSupport.Cp932.Strict;
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Source => _temp.Combine("src");
    private string Work => _temp.Combine("work");
    private string Jumin => Path.Combine(Source, "JUMIN.CSV");

    internal static HashSet<(string, long)> LoadedPersons(string work)
    {
        using var db = new SqliteConnection($"Data Source={Path.Combine(work, "standard.db")};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT atena_no, rireki_no FROM juki_person";
        using var reader = command.ExecuteReader();
        var keys = new HashSet<(string, long)>();
        while (reader.Read()) keys.Add((reader.GetString(0), reader.GetInt64(1)));
        return keys;
    }

    /// <summary>A copy of the baseline export with JUMIN.CSV's lines (CR LF separated) changed by <paramref name="edit"/>.</summary>
    private List<byte[]> CopyBaseline(Action<List<byte[]>> edit)
    {
        Directory.CreateDirectory(Source);
        File.Copy(Path.Combine(baseline.Source, "SHIEN.CSV"), Path.Combine(Source, "SHIEN.CSV"));
        var lines = Split(File.ReadAllBytes(Path.Combine(baseline.Source, "JUMIN.CSV")));
        edit(lines);
        using var output = File.Create(Jumin);
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) output.Write(Crlf);
            output.Write(lines[i]);
        }
        return lines;
    }

    private static List<byte[]> Split(byte[] data)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i + 1 < data.Length; i++)
        {
            if (data[i] != '\r' || data[i + 1] != '\n') continue;
            lines.Add(data[start..i]);
            start = i + 2;
        }
        lines.Add(data[start..]);
        return lines;
    }

    private static string[] Fields(byte[] line) => Cp932.GetString(line).Split(',');

    /// <summary>Index of a loaded, unflagged, unquoted record near the middle (one nobody's 支援措置 depends on).</summary>
    private int MiddleRecord(List<byte[]> lines)
    {
        var shien = File.ReadAllLines(Path.Combine(baseline.Source, "SHIEN.CSV")).Select(l => l.Split(',')[0]).ToHashSet();
        for (var i = lines.Count / 2; i < lines.Count; i++)
        {
            if (lines[i].Contains((byte)'"')) continue;
            var fields = Fields(lines[i]);
            if (fields.Length == 35 && fields[25] == "0" && !shien.Contains(fields[0]) && baseline.Loaded.Contains(Key(lines[i]))) return i;
        }
        throw new InvalidOperationException("no suitable record");
    }

    private static (string, long) Key(byte[] line)
    {
        var fields = Fields(line);
        return (fields[0], long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static long OffsetOfLine(List<byte[]> lines, int index) => lines.Take(index).Sum(l => l.Length + 2L);

    private List<JsonElement> ExtractRejects() =>
        File.ReadAllLines(Path.Combine(Work, "rejects", "jumin.extract.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private List<JsonElement> NewExtractRejects()
    {
        var baselineRejects = Path.Combine(baseline.Work, "rejects", "jumin.extract.jsonl");
        var before = (File.Exists(baselineRejects) ? File.ReadAllLines(baselineRejects) : [])
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("raw_hex").GetString()).ToHashSet();
        return ExtractRejects().Where(r => !before.Contains(r.GetProperty("raw_hex").GetString())).ToList();
    }

    private static byte[] WithField(byte[] line, int field, byte[] value)
    {
        var parts = Fields(line).Select(Cp932.GetBytes).ToList();
        parts[field] = value;
        return [.. parts.SelectMany((p, i) => i == 0 ? p : [(byte)',', .. p])];
    }

    [Fact]
    public async Task A_stray_quote_in_the_middle_of_JUMIN_costs_exactly_that_record()
    {
        var index = 0;
        var lines = CopyBaseline(lines =>
        {
            index = MiddleRecord(lines);
            var fields = Fields(lines[index]);
            lines[index] = WithField(lines[index], 3, [(byte)'"', .. Cp932.GetBytes(fields[3])]);
        });

        var result = await VendorABaseline.MigrateAsync(Source, Work);

        result.ExitCode.ShouldBe(0, result.Error);
        var reject = NewExtractRejects().ShouldHaveSingleItem();
        reject.GetProperty("line").GetInt64().ShouldBe(index + 1);
        reject.GetProperty("byte_offset").GetInt64().ShouldBe(OffsetOfLine(lines, index));
        var reason = reject.GetProperty("reasons").EnumerateArray().ShouldHaveSingleItem();
        reason.GetProperty("code").GetString().ShouldBe("csv.unclosed-quote");
        reason.GetProperty("message").GetString().ShouldBe(
            $"line {index + 1}: a quote opened on this line is still open after 10 lines (max_record_lines); the line is rejected and reading resumes at the next line");
        reject.GetProperty("raw_hex").GetString().ShouldBe(Convert.ToHexString(lines[index]));
        var expected = baseline.Loaded.ToHashSet();
        expected.Remove(Key(lines[index]));
        LoadedPersons(Work).SetEquals(expected).ShouldBeTrue();
    }

    [Fact]
    public async Task A_quoted_value_spanning_two_lines_is_one_record_and_loads()
    {
        var index = 0;
        CopyBaseline(lines =>
        {
            index = MiddleRecord(lines);
            // CHIIKI_FLG, a column the mapping does not use: MEMO maps to メモ, whose character rule refuses a line break.
            lines[index] = WithField(lines[index], 34, [(byte)'"', .. Cp932.GetBytes("要確認\r\n再発行済"), (byte)'"']);
        });

        var result = await VendorABaseline.MigrateAsync(Source, Work);

        result.ExitCode.ShouldBe(0, result.Error);
        NewExtractRejects().ShouldBeEmpty();
        LoadedPersons(Work).SetEquals(baseline.Loaded).ShouldBeTrue();
        // The next record's line number counts both physical lines of the one before.
        var staged = File.ReadLines(Path.Combine(Work, "staging", "jumin.csv")).ToList();
        staged.ShouldContain(l => l.StartsWith($"{index + 1},", StringComparison.Ordinal));
        staged.ShouldContain(l => l.StartsWith($"{index + 3},", StringComparison.Ordinal));
        staged.ShouldNotContain(l => l.StartsWith($"{index + 2},", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_17_MiB_line_is_rejected_alone_and_the_rest_loads()
    {
        var lines = CopyBaseline(lines => lines.Insert(101, Encoding.ASCII.GetBytes(new string('9', 17 << 20))));

        var result = await VendorABaseline.MigrateAsync(Source, Work);

        result.ExitCode.ShouldBe(0, result.Error);
        var reject = NewExtractRejects().ShouldHaveSingleItem();
        reject.GetProperty("line").GetInt64().ShouldBe(102);
        reject.GetProperty("byte_offset").GetInt64().ShouldBe(OffsetOfLine(lines, 101));
        reject.GetProperty("reasons")[0].GetProperty("code").GetString().ShouldBe("csv.record-too-long");
        reject.GetProperty("reasons")[0].GetProperty("message").GetString().ShouldBe(
            $"line 102: the line has {17 << 20} bytes, more than max_record_bytes (1048576); the line is rejected and reading resumes at the next line");
        reject.GetProperty("raw_hex").GetString()!.Length.ShouldBe(2048);
        LoadedPersons(Work).SetEquals(baseline.Loaded).ShouldBeTrue();
    }
}
