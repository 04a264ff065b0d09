using System.CommandLine;
using System.Diagnostics;
using Migrate.Cli.Console;
using Migrate.Core.Load;
using Migrate.Core.Pipeline;
using Migrate.Core.Report;
using Migrate.Core.Work;
using Migrate.Data;

namespace Migrate.Cli.Commands;

/// <summary><c>migrate run</c>: extract, map, load and report in one go.</summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var mapping = CommonOptions.Mapping(required: true);
        var standard = CommonOptions.Standard();
        var source = CommonOptions.Source();
        var sourceConnection = CommonOptions.SourceConnection();
        var output = CommonOptions.Out();
        var target = CommonOptions.Target();
        var replace = CommonOptions.Replace();
        var failOn = CommonOptions.FailOn();
        var maxRejects = CommonOptions.MaxRejects();
        var accept = CommonOptions.AcceptCriticalReject();
        var decisions = CommonOptions.Decisions();
        var command = new Command("run", "Run every stage: extract the legacy export, map it to the standard and load the target at once (the files are those the stages write one by one), then write the report." + CommonOptions.OutcomeRules)
        {
            mapping, standard, source, output, target, replace, failOn, decisions,
        };
        command.Options.Add(maxRejects);
        command.Options.Add(accept);
        command.Options.Add(sourceConnection);
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(context.Json);
            var quiet = result.GetValue(context.Quiet);
            return CommandHost.ExecuteAsync(context, "run", json, async () =>
            {
                var conditions = result.GetValue(failOn) ?? [];
                FailOnCondition.Validate(conditions);
                var threshold = result.GetValue(maxRejects) is { } max ? RejectThreshold.Parse(max) : null;
                var session = MigrationSession.Open(result.GetValue(mapping)!, context.StandardSource(result, standard), result.GetValue(output)!);
                var legacy = LegacySourcesFactory.Create(context, result.GetValue(source), result.GetValue(sourceConnection));
                var spec = CommonOptions.TargetOf(result.GetValue(target), session.Work, context);
                using var workLock = WorkLock.Acquire(session.Work, "run", newRun: true, result.GetValue(source));
                await using var database = TargetFactory.Create(spec, CommonOptions.Retry(context, quiet));
                var clock = Stopwatch.StartNew();
                var outcome = await ProgressHost.RunAsync(context.Console, quiet, progress =>
                    new MigrationRunner(session, progress).RunAsync(legacy, database,
                        new LoadOptions(result.GetValue(replace), session.Mapping.Municipality, threshold) { AcceptCriticalRejects = result.GetValue(accept) ?? [] }, new ReportRequest(conditions, result.GetValue(decisions)), ct));
                return OutcomeWriter.Write(context, "run", outcome, json, quiet, clock.Elapsed);
            });
        });
        return command;
    }
}
