using System.Text.Json;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>What the CIO reads first: 外字 with the character beside its code point, items by Japanese name, the attention list.</summary>
public sealed class ReportDetailsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Gaiji_rows_show_the_character_and_items_by_japanese_name_and_page_one_ranks_what_needs_attention()
    {
        var work = _temp.Combine("work");
        var run = await CliRunner.RunAsync("run", "--mapping", RepoPaths.VendorAMapping, "--source", Path.Combine(RepoPaths.Root, "mappings", "vendors", "vendor-a", "sample"), "--out", work, "-q");
        run.ExitCode.ShouldBe(0, run.Error);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "report", "report.json"), TestContext.Current.CancellationToken));
        var gaiji = report.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("category").GetString() == "gaiji").ToList();

        var identified = gaiji.First(f => f.GetProperty("resolution").GetString() == "identified");
        var character = identified.GetProperty("standard_value").GetString()!;
        identified.GetProperty("title").GetString()!.ShouldContain($"→ 「{character}」 U+{char.ConvertToUtf32(character, 0):X4}");
        identified.GetProperty("explanation").GetString()!.ShouldContain("氏名（shimei）");

        var html = await File.ReadAllTextAsync(Path.Combine(work, "report", "report.html"), TestContext.Current.CancellationToken);
        var attention = html.IndexOf("まず確認すること", StringComparison.Ordinal);
        attention.ShouldBeGreaterThan(0);
        attention.ShouldBeLessThan(html.IndexOf("<h2>", html.IndexOf("id=\"attention\"", StringComparison.Ordinal) + 30, StringComparison.Ordinal));
        html.ShouldContain("<td>未解決の外字</td>");
        html.ShouldContain("<td>リジェクト</td>");
        html.ShouldContain("IPAmj明朝");
    }
}
