using System.CommandLine;
using System.Diagnostics;
using Migrate.Cli.Console;
using Migrate.Core.Load;
using Migrate.Core.Pipeline;
using Migrate.Core.Work;
using Migrate.Data;
using Migrate.Data.Engines;

namespace Migrate.Cli.Commands;

/// <summary><c>migrate load</c>: standard-layout files → target database, in one transaction.</summary>
public static class LoadCommand
{
    public static Command Create(CliContext context)
    {
        var mapping = CommonOptions.Mapping(required: false);
        var standard = CommonOptions.Standard();
        var output = CommonOptions.Out();
        var target = CommonOptions.Target();
        var replace = CommonOptions.Replace();
        var maxRejects = CommonOptions.MaxRejects();
        var accept = CommonOptions.AcceptCriticalReject();
        var resume = new Option<bool>("--resume")
        {
            Description = "Finish a load that was interrupted (the manifest marks it): record it if the target already holds every mapped row, otherwise load again with the interrupted load's --replace",
        };
        var command = new Command("load", "Create the standard tables and load the mapped rows into the target, all or nothing." + CommonOptions.OutcomeRules)
        {
            mapping, standard, output, target, replace, maxRejects, accept, resume,
        };
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(context.Json);
            var quiet = result.GetValue(context.Quiet);
            return CommandHost.ExecuteAsync(context, "load", json, async () =>
            {
                var session = SessionFactory.Open(result.GetValue(mapping), context.StandardSource(result, standard), result.GetValue(output)!);
                using var workLock = WorkLock.Acquire(session.Work, "load", newRun: false);
                var spec = result.GetValue(resume)
                    ? ResumeTarget.Choose(new MigrationRunner(session, NoProgress.None).ReadManifest(), result.GetValue(target), CommonOptions.TargetOf(null, session.Work, context), context.Environment, DatabaseEngines.Registry)
                    : CommonOptions.TargetOf(result.GetValue(target), session.Work, context);
                await using var database = TargetFactory.Create(spec, CommonOptions.Retry(context, quiet));
                var clock = Stopwatch.StartNew();
                var threshold = result.GetValue(maxRejects) is { } max ? RejectThreshold.Parse(max) : null;
                var options = new LoadOptions(result.GetValue(replace), session.Mapping.Municipality, threshold) { AcceptCriticalRejects = result.GetValue(accept) ?? [] };
                var manifest = await ProgressHost.RunAsync(context.Console, quiet, progress => result.GetValue(resume)
                    ? new MigrationRunner(session, progress).ResumeLoadAsync(database, options, ct)
                    : new MigrationRunner(session, progress).LoadAsync(database, options, ct));
                var exit = OutcomeWriter.Write(context, "load", OutcomeWriter.Of(manifest), json, quiet, clock.Elapsed);
                return manifest.Reconciliation is { Balanced: false } ? ExitCodes.Data : exit;
            });
        });
        return command;
    }
}
