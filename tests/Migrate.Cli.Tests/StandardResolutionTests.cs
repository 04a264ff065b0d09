using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>The standards travel with the tool: every command finds 'juki' from any folder, and --standards / MIGRATE_STANDARDS override.</summary>
public sealed class StandardResolutionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Standard_list_and_show_work_from_an_empty_folder()
    {
        var list = await MigrateProcess.RunAsync(_temp.Path, null, "standard", "list");

        list.ExitCode.ShouldBe(0, list.Error);
        list.Out.ShouldContain("juki\t1.0\t住民記録 (Resident records)\t2 tables\t<bundled>/juki/standard.yaml");
        var show = await MigrateProcess.RunAsync(_temp.Path, null, "standard", "show", "juki");
        show.ExitCode.ShouldBe(0, show.Error);
        show.Out.ShouldContain("support: 支援措置 [critical]");
    }

    [Fact]
    public async Task Check_of_a_mapping_copied_out_of_the_repository_finds_the_bundled_standard()
    {
        var mapping = _temp.Combine("m", "juki.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(mapping)!);
        File.Copy(RepoPaths.VendorAMapping, mapping);

        var check = await MigrateProcess.RunAsync(_temp.Path, null, "check", "--mapping", mapping);

        check.ExitCode.ShouldBe(0, check.Out + check.Error);
        check.Out.ShouldContain("mapped to juki 1.0");
    }

    [Fact]
    public async Task The_environment_variable_and_the_option_name_the_standards_folder_for_every_command()
    {
        var standards = _temp.Combine("std");
        var copy = Path.Combine(standards, "juki", "standard.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        await File.WriteAllTextAsync(copy, (await File.ReadAllTextAsync(RepoPaths.Standard(), TestContext.Current.CancellationToken))
            .Replace("version: \"1.0\"", "version: \"7.0\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var mapping = _temp.Combine("m", "juki.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(mapping)!);
        File.Copy(RepoPaths.VendorAMapping, mapping);

        var byEnvironment = await MigrateProcess.RunAsync(_temp.Path, new Dictionary<string, string> { ["MIGRATE_STANDARDS"] = standards }, "check", "--mapping", mapping);
        var byOption = await CliRunner.RunAsync("run", "--mapping", mapping, "--standards", standards, "--source", _temp.Path, "--out", _temp.Combine("w"));

        byEnvironment.ExitCode.ShouldBe(2);
        byEnvironment.Out.ShouldContain("this mapping was written for juki version 1.0, but the standard is version 7.0");
        byOption.ExitCode.ShouldBe(2);
        byOption.Error.ShouldContain("but the standard is version 7.0");
    }
}
