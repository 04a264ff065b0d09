using System.Runtime.InteropServices;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>
/// The CLI as users get it: packed and installed as a .NET tool, and published as one self-contained
/// file copied alone into an empty folder. Each builds the CLI in Release into its own artifacts
/// folder (never the repository's bin/obj), so these are the two slow tests of the suite.
/// </summary>
public sealed class PackagingTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string CliProject => Path.Combine(RepoPaths.Root, "src", "Migrate.Cli", "Migrate.Cli.csproj");

    /// <summary>The environment of a user outside the repository: no test overrides, the tool's own output language.</summary>
    private static Dictionary<string, string> UserEnvironment() => new() { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };

    [Fact]
    public async Task The_packed_tool_installs_and_runs_from_an_empty_folder()
    {
        var dotnet = ExternalProcess.Dotnet();
        Assert.SkipWhen(dotnet is null, "the dotnet SDK is not on PATH");
        var packages = _temp.Combine("nupkg");
        var pack = await ExternalProcess.RunAsync(dotnet!, RepoPaths.Root, UserEnvironment(),
            "pack", CliProject, "-c", "Release", "-o", packages, "--artifacts-path", _temp.Combine("artifacts"));
        pack.ExitCode.ShouldBe(0, pack.All);
        Directory.GetFiles(packages, "migrate.*.nupkg").Length.ShouldBe(1);

        var tools = _temp.Combine("tools");
        var install = await ExternalProcess.RunAsync(dotnet!, _temp.Path, UserEnvironment(),
            "tool", "install", "migrate", "--tool-path", tools, "--add-source", packages);
        install.ExitCode.ShouldBe(0, install.All);

        var empty = _temp.Combine("empty");
        Directory.CreateDirectory(empty);
        var migrate = Path.Combine(tools, OperatingSystem.IsWindows() ? "migrate.exe" : "migrate");
        var version = await ExternalProcess.RunAsync(migrate, empty, UserEnvironment(), "--version");
        version.ExitCode.ShouldBe(0, version.All);
        // The bundled standards travel inside the tool (issue 20): listed by id from any folder.
        var list = await ExternalProcess.RunAsync(migrate, empty, UserEnvironment(), "standard", "list");
        list.ExitCode.ShouldBe(0, list.All);
        list.Out.ShouldContain("juki");
    }

    [Fact]
    public async Task The_single_file_binary_runs_copied_alone_into_an_empty_folder()
    {
        var dotnet = ExternalProcess.Dotnet();
        Assert.SkipWhen(dotnet is null, "the dotnet SDK is not on PATH");
        var rid = RuntimeInformation.RuntimeIdentifier;
        var hostPack = Path.Combine(Path.GetDirectoryName(dotnet!)!, "packs", "Microsoft.NETCore.App.Host." + rid);
        Assert.SkipUnless(Directory.Exists(hostPack), $"the SDK has no app host for {rid} ({hostPack})");
        var publish = _temp.Combine("publish");
        var result = await ExternalProcess.RunAsync(dotnet!, RepoPaths.Root, UserEnvironment(),
            "publish", CliProject, "-c", "Release", "-r", rid, "--self-contained", "-p:PublishSingleFile=true",
            "-o", publish, "--artifacts-path", _temp.Combine("artifacts"));
        // The runtime pack comes from the package feed: without it there is nothing to test here.
        Assert.SkipWhen(result.ExitCode != 0 && result.All.Contains("Microsoft.NETCore.App.Runtime", StringComparison.Ordinal) && result.All.Contains("NU11", StringComparison.Ordinal),
            "the runtime pack for a self-contained publish is not available from the package feed");
        result.ExitCode.ShouldBe(0, result.All);

        var alone = _temp.Combine("alone");
        Directory.CreateDirectory(alone);
        var binary = Path.Combine(alone, OperatingSystem.IsWindows() ? "migrate.exe" : "migrate");
        File.Copy(Path.Combine(publish, Path.GetFileName(binary)), binary);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.GetFiles(alone).Length.ShouldBe(1);

        // A small run: generate a sample, migrate it into SQLite (the native library is inside the file).
        var sample = await ExternalProcess.RunAsync(binary, alone, UserEnvironment(), "sample", "--vendor", "vendor-a", "--rows", "200", "--seed", "5", "--out", "src", "-q");
        sample.ExitCode.ShouldBe(0, sample.All);
        var run = await ExternalProcess.RunAsync(binary, alone, UserEnvironment(), "run", "--mapping", RepoPaths.VendorAMapping, "--source", "src", "--out", "work", "-q");
        run.ExitCode.ShouldBe(0, run.All);
        File.Exists(Path.Combine(alone, "work", "standard.db")).ShouldBeTrue();
        run.All.ShouldNotContain("this is a bug");

        var list = await ExternalProcess.RunAsync(binary, alone, UserEnvironment(), "standard", "list");
        list.ExitCode.ShouldBe(0, list.All);
        list.Out.ShouldContain("juki");
    }
}
