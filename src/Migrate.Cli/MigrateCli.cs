using System.CommandLine;
using System.Globalization;
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
        // One language per process: our messages are English, so the parser's are too (under
        // LANG=ja_JP it would print its Japanese resources, then our English lines). The setting
        // flows with this call only, not back to the caller.
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        using var interruption = new Interruption(cancellationToken);
        var context = new CliContext(console, environment) { Interrupted = interruption.Token };
        var parse = Build(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            var messages = UsageErrors.Describe(parse);
            foreach (var message in messages) await console.Log.WriteLineAsync($"migrate: {message}");
            await console.Log.WriteLineAsync("Run 'migrate --help' (or 'migrate COMMAND --help') for usage.");
            if (args.Contains("--json", StringComparer.Ordinal))
                CommandHost.WriteJson(context, new JsonError(UsageErrors.CommandPath(parse), ExitCodes.Usage, messages[0], messages));
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
