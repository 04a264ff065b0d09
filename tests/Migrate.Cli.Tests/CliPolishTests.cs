using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>Typos get a suggestion, the parser speaks our language, and -q never hides why a command failed.</summary>
public sealed class CliPolishTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_misspelt_option_suggests_the_right_one()
    {
        var result = await CliRunner.RunAsync("run", "--maping", "x.yaml");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("migrate: Unrecognized command or argument '--maping'. (did you mean '--mapping'?)");
    }

    [Fact]
    public async Task A_misspelt_command_suggests_the_right_one()
    {
        var result = await CliRunner.RunAsync("rn");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldBe("migrate: Unrecognized command or argument 'rn'. (did you mean 'run'?)\nRun 'migrate --help' (or 'migrate COMMAND --help') for usage.\n", StringCompareShould.IgnoreLineEndings);
    }

    [Fact]
    public async Task Parser_messages_stay_in_one_language_under_a_japanese_ui_culture()
    {
        // A process of its own started under a Japanese locale: the test never changes its own culture.
        var japanese = new Dictionary<string, string> { ["LC_ALL"] = "ja_JP.UTF-8", ["LANG"] = "ja_JP.UTF-8" };
        var result = await MigrateProcess.RunAsync(_temp.Path, japanese, "run", "--maping", "x.yaml");

        result.Error.ShouldContain("Unrecognized command or argument '--maping'");
        result.Error.ShouldNotContain("認識されない");
    }

    [Fact]
    public async Task Quiet_still_says_which_fail_on_condition_failed()
    {
        var work = _temp.Combine("work");
        (await CliRunner.RunAsync("run", "--mapping", RepoPaths.VendorAMapping, "--source", Path.Combine(RepoPaths.Root, "mappings", "vendors", "vendor-a", "sample"), "--out", work, "-q")).ExitCode.ShouldBe(0);

        var result = await CliRunner.RunAsync("report", "--out", work, "--fail-on", "pending", "-q");

        result.ExitCode.ShouldBe(1);
        result.Error.Trim().Split('\n').Length.ShouldBe(1);
        result.Error.ShouldStartWith("migrate report: --fail-on pending: ");
        result.Error.ShouldContain("finding(s) have no decision (pending)");
    }
}
