using System.CommandLine;
using System.Diagnostics;
using Migrate.Cli.Console;
using Migrate.Core.Pipeline;
using Migrate.Core.Work;

namespace Migrate.Cli.Commands;

/// <summary><c>migrate extract</c>: legacy files → checksummed UTF-8 staging files.</summary>
public static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var mapping = CommonOptions.Mapping(required: true);
        var standard = CommonOptions.Standard();
        var source = CommonOptions.Source();
        var sourceConnection = CommonOptions.SourceConnection();
        var output = CommonOptions.Out();
        var command = new Command("extract", "Read the legacy export into normalized, checksummed UTF-8 staging files") { mapping, standard, source, sourceConnection, output };
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(context.Json);
            var quiet = result.GetValue(context.Quiet);
            return CommandHost.ExecuteAsync(context, "extract", json, async () =>
            {
                var session = MigrationSession.Open(result.GetValue(mapping)!, context.StandardSource(result, standard), result.GetValue(output)!);
                var legacy = LegacySourcesFactory.Create(context, result.GetValue(source), result.GetValue(sourceConnection));
                using var workLock = WorkLock.Acquire(session.Work, "extract", newRun: true, result.GetValue(source));
                var clock = Stopwatch.StartNew();
                var manifest = await ProgressHost.RunAsync(context.Console, quiet, progress =>
                    new MigrationRunner(session, progress).ExtractAsync(legacy, ct));
                return OutcomeWriter.Write(context, "extract", OutcomeWriter.Of(manifest), json, quiet, clock.Elapsed);
            });
        });
        return command;
    }
}
