using System.Text.RegularExpressions;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>
/// The README's runnable examples run as written: every fenced block marked <c>```sh runnable</c>, in
/// order, in one bash session from the repository root, with <c>migrate</c> on PATH (the built CLI),
/// as a user who followed the Install section has it. The README stays a user's guide.
/// </summary>
public sealed partial class ReadmeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Readme => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    [GeneratedRegex(@"^```sh runnable\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex RunnableBlock();

    [Fact]
    public async Task Every_runnable_block_of_the_readme_runs()
    {
        var dotnet = ExternalProcess.Dotnet();
        Assert.SkipWhen(dotnet is null || !File.Exists("/bin/bash") || OperatingSystem.IsWindows(), "dotnet or bash is missing");
        var blocks = RunnableBlock().Matches(Readme).Select(m => m.Groups["body"].Value).ToList();
        blocks.Count.ShouldBeGreaterThanOrEqualTo(3);

        var bin = _temp.Combine("bin");
        Directory.CreateDirectory(bin);
        var shim = Path.Combine(bin, "migrate");
        await File.WriteAllTextAsync(shim, $"#!/bin/sh\nexec '{dotnet}' '{Path.Combine(AppContext.BaseDirectory, "migrate.dll")}' \"$@\"\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var script = _temp.Combine("readme.sh");
        await File.WriteAllTextAsync(script, "set -euo pipefail\n" + string.Join("\n", blocks), TestContext.Current.CancellationToken);

        var result = await ExternalProcess.RunAsync("/bin/bash", RepoPaths.Root, new Dictionary<string, string>
        {
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["TMPDIR"] = _temp.Path,
        }, script);

        result.ExitCode.ShouldBe(0, result.All[^Math.Min(result.All.Length, 3000)..]);
    }

    [Fact]
    public void The_readme_is_a_users_guide_with_the_sections_others_fill_in()
    {
        var lines = Readme.Split('\n');
        lines.Length.ShouldBeLessThanOrEqualTo(450);
        foreach (var heading in new[] { "## Install", "## Set-up (two commands)", "## A 10-minute walkthrough", "## Commands", "## Exit codes", "## Outcome rules", "## Security and guarantees", "## Authoring a mapping", "## The bundled standard", "## Performance" })
            lines.ShouldContain(heading);
        // The two set-up commands stay exactly as they are.
        Readme.ShouldContain("dotnet run --project src/Migrate.Cli -- run --mapping mappings/vendors/vendor-a/juki.yaml --source mappings/vendors/vendor-a/sample --out work\n");
        Readme.ShouldContain("\ndotnet test Migrate.sln\n");
        File.Exists(Path.Combine(RepoPaths.Root, "ARCHITECTURE.md")).ShouldBeTrue();
        File.Exists(Path.Combine(RepoPaths.Root, "docs", "performance.md")).ShouldBeTrue();
    }
}
