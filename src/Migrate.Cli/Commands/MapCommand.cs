using System.CommandLine;
using System.Diagnostics;
using Migrate.Cli.Console;
using Migrate.Core.Pipeline;
using Migrate.Core.Work;

namespace Migrate.Cli.Commands;

/// <summary><c>migrate map</c>: staging files → standard-layout files and rejects.</summary>
public static class MapCommand
{
    public static Command Create(CliContext context)
    {
        var mapping = CommonOptions.Mapping(required: false);
        var standard = CommonOptions.Standard();
        var output = CommonOptions.Out();
        var command = new Command("map", "Apply the mapping: each staged record becomes a standard row or a reject with its reasons") { mapping, standard, output };
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(context.Json);
            var quiet = result.GetValue(context.Quiet);
            return CommandHost.ExecuteAsync(context, "map", json, async () =>
            {
                var session = SessionFactory.Open(result.GetValue(mapping), context.StandardSource(result, standard), result.GetValue(output)!);
                using var workLock = WorkLock.Acquire(session.Work, "map", newRun: false);
                var clock = Stopwatch.StartNew();
                var manifest = await ProgressHost.RunAsync(context.Console, quiet, progress => new MigrationRunner(session, progress).MapAsync(ct));
                return OutcomeWriter.Write(context, "map", OutcomeWriter.Of(manifest), json, quiet, clock.Elapsed);
            });
        });
        return command;
    }
}
