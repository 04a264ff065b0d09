using System.CommandLine;
using System.Diagnostics;
using Migrate.Core.Pipeline;
using Migrate.Core.Report;
using Migrate.Core.Work;

namespace Migrate.Cli.Commands;

/// <summary><c>migrate report</c>: the customization report (HTML, Markdown, JSON, CSV) from the work directory.</summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var mapping = CommonOptions.Mapping(required: false);
        var standard = CommonOptions.Standard();
        var output = CommonOptions.Out();
        var failOn = CommonOptions.FailOn();
        var decisions = CommonOptions.Decisions();
        var initDecisions = new Option<bool>("--init-decisions")
        {
            Description = "Write a YAML decisions file (--decisions, or OUT/decisions.yaml) with every current finding as pending (existing decisions are kept, none is dropped); decisions.xlsx is written without asking",
        };
        var command = new Command("report", "Write the customization report: every departure from the standard, rejects by reason, reconciliation")
        {
            mapping, standard, output, failOn, decisions, initDecisions,
        };
        command.SetAction((result, _) =>
        {
            var json = result.GetValue(context.Json);
            var quiet = result.GetValue(context.Quiet);
            return CommandHost.ExecuteAsync(context, "report", json, () =>
            {
                var conditions = result.GetValue(failOn) ?? [];
                FailOnCondition.Validate(conditions);
                var session = SessionFactory.Open(result.GetValue(mapping), context.StandardSource(result, standard), result.GetValue(output)!);
                using var workLock = WorkLock.Acquire(session.Work, "report", newRun: false);
                var clock = Stopwatch.StartNew();
                var progress = new Console.PlainStageProgress(context.Console.Log, quiet);
                var outcome = new MigrationRunner(session, progress)
                    .WriteReportAndCheck(new ReportRequest(conditions, result.GetValue(decisions), result.GetValue(initDecisions)));
                return Task.FromResult(OutcomeWriter.Write(context, "report", outcome, json, quiet, clock.Elapsed));
            });
        });
        return command;
    }
}
