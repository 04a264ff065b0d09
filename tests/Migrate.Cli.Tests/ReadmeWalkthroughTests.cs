using System.Diagnostics;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>The README's authoring walkthrough (init → check → edit → check → run) runs as written, with the built CLI as 'migrate'.</summary>
public sealed class ReadmeWalkthroughTests
{
    [Fact]
    public async Task The_authoring_walkthrough_runs_verbatim()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "README.md"), TestContext.Current.CancellationToken);
        var start = readme.IndexOf("```sh walkthrough\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "the README has no walkthrough block");
        start += "```sh walkthrough\n".Length;
        var block = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var dll = Path.Combine(AppContext.BaseDirectory, "migrate.dll");
        var script = $"set -e\nmigrate() {{ dotnet '{dll}' \"$@\"; }}\n{block}";

        var info = new ProcessStartInfo("bash") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        // The walkthrough's mktemp folders go into a folder of the test's, removed afterwards.
        using var temp = new TempDirectory();
        ChildEnvironment.Apply(info, new Dictionary<string, string> { ["TMPDIR"] = temp.Path });
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var all = await output + await error;

        process.ExitCode.ShouldBe(0, all);
        all.ShouldContain("next: migrate check --mapping ");
        all.ShouldContain("error: unresolved code_tables.person_ido_jiyu.values.転入: 5 rows; candidates by name: 01 国内転入, 02 国外転入等");
        all.ShouldContain("check exit 2");
        all.ShouldContain("draft.yaml: ok (2 tables");
        all.ShouldContain("ok person: read 8 = loaded 8 + rejected 0 + filtered 0");
        all.ShouldContain("ok support: read 2 = loaded 2 + rejected 0 + filtered 0");
    }
}
