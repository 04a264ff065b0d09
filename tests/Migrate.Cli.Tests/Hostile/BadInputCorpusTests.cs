using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests.Hostile;

/// <summary>Every case of the bad-input corpus ends with its exit code and a clear message, never "this is a bug" or a stack trace.</summary>
public sealed class BadInputCorpusTests
{
    [Theory]
    [MemberData(nameof(BadInputCorpus.Names), MemberType = typeof(BadInputCorpus))]
    public async Task Bad_input_gives_its_exit_code_and_a_clear_message(string name)
    {
        var input = BadInputCorpus.Named(name);
        using var workspace = new HostileWorkspace();

        var result = await CliRunner.RunAsync(input.Arrange(workspace));

        var output = result.Out + result.Error;
        output.ShouldNotContain("this is a bug");
        output.ShouldNotContain("internal error");
        output.ShouldNotContain("   at ");
        result.ExitCode.ShouldBe(input.Exit, output);
        output.ShouldContain(input.Message);
        input.Then?.Invoke(workspace, result);
    }
}
