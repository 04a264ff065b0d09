using System.CommandLine;
using Migrate.Cli.Commands;
using Migrate.Cli.Console;

namespace Migrate.Cli;

/// <summary>Builds the command tree and runs one command line, returning the exit code.</summary>
public static class MigrateCli
{
    public static RootCommand Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("migrate: move a municipality's legacy data into the national standard schema (標準仕様) and report every customization")
        {
            context.Json,
            context.Quiet,
            context.Standards,
        };
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(ExtractCommand.Create(context));
        root.Subcommands.Add(MapCommand.Create(context));
        root.Subcommands.Add(LoadCommand.Create(context));
        root.Subcommands.Add(VerifyCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(StandardCommand.Create(context));
        root.Subcommands.Add(SampleCommand.Create(context));
        root.Subcommands.Add(CompareCommand.Create(context));
        root.Subcommands.Add(BenchmarkCommand.Create(context));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, ICliConsole console, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        using var interruption = new Interruption(cancellationToken);
        var context = new CliContext(console, environment) { Interrupted = interruption.Token };
        var parse = Build(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await console.Log.WriteLineAsync($"migrate: {error.Message}");
            await console.Log.WriteLineAsync("Run 'migrate --help' (or 'migrate COMMAND --help') for usage.");
            return ExitCodes.Usage;
        }
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Log,
            // Signals are handled by Interruption, which waits for a load to roll back and clean up.
            ProcessTerminationTimeout = null,
        };
        return await parse.InvokeAsync(configuration, interruption.Token);
    }
}
