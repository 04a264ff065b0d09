using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>
/// Renders the HTML report in headless Chromium (Debian's package, installed by .ci/run) and checks
/// the rendered page; the screenshot and PDF are attached to the test result (never written into the repository).
/// </summary>
public sealed class ReportBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // Flags for a closed network and a root user, as Debian's Chromium needs here.
    private static readonly string[] Headless =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions"];

    private async Task<(int Exit, string Out)> ChromiumAsync(params string[] args)
    {
        var result = await ExternalProcess.RunAsync(Chromium, _temp.Path, null, [.. Headless, .. args]);
        return (result.ExitCode, result.Out);
    }

    [Fact]
    public async Task The_report_renders_in_headless_chromium_with_its_summary_and_sections()
    {
        Assert.SkipUnless(File.Exists(Chromium), "Chromium is not installed (.ci/run installs Debian's chromium)");
        var work = _temp.Combine("work");
        var run = await CliRunner.RunAsync("run", "--mapping", RepoPaths.VendorAMapping, "--source", Path.Combine(RepoPaths.Root, "mappings", "vendors", "vendor-a", "sample"), "--out", work, "--quiet");
        run.ExitCode.ShouldBe(0, run.Error);
        var html = "file://" + Path.Combine(work, "report", "report.html");
        var screenshot = _temp.Combine("report-screenshot.png");
        var pdf = _temp.Combine("report.pdf");

        var dom = await ChromiumAsync("--dump-dom", html);
        var shot = await ChromiumAsync("--screenshot=" + screenshot, "--window-size=1000,2000", html);
        var print = await ChromiumAsync("--print-to-pdf=" + pdf, "--no-pdf-header-footer", html);

        dom.Exit.ShouldBe(0);
        dom.Out.ShouldContain("<h2>要約");
        dom.Out.ShouldContain("件数の突合");
        dom.Out.ShouldContain("確認していないこと");
        dom.Out.ShouldContain("<svg");
        dom.Out.ShouldNotContain("<script");
        shot.Exit.ShouldBe(0);
        var png = await File.ReadAllBytesAsync(screenshot, TestContext.Current.CancellationToken);
        TestContext.Current.AddAttachment("report-screenshot.png", png, "image/png");
        png.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        png.Length.ShouldBeGreaterThan(20_000);
        print.Exit.ShouldBe(0);
        var pdfText = await File.ReadAllBytesAsync(pdf, TestContext.Current.CancellationToken);
        TestContext.Current.AddAttachment("report.pdf", pdfText, "application/pdf");
        // Printed on A4 (595 x 842 points) over several pages.
        var pdfLatin1 = System.Text.Encoding.Latin1.GetString(pdfText);
        System.Text.RegularExpressions.Regex.IsMatch(pdfLatin1, @"/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]").ShouldBeTrue();
        System.Text.RegularExpressions.Regex.Count(pdfLatin1, @"/Type\s*/Page\b").ShouldBeGreaterThan(2);
    }
}
