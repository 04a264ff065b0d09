using System.CommandLine;
using Migrate.Core.Check;

namespace Migrate.Cli.Commands;

/// <summary>
/// <c>migrate check</c>: every mistake of a mapping (and, with --source, what the data says about it),
/// each with file, line and column; exit 0 when valid, 2 when there are errors.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var mapping = CommonOptions.Mapping(required: true);
        var standard = CommonOptions.Standard();
        var source = new Option<string?>("--source", "-s") { Description = "Also check against the legacy export in this folder (read once; only codes and counts are shown)" };
        var maxRejects = CommonOptions.MaxRejects();
        maxRejects.Description = "With --source: the reject share (per table) above which the predicted run fails, as run's --max-rejects: a count (10) or a percentage (2.5%); default 5%";
        var printEffective = new Option<bool>("--print-effective") { Description = "Print the effective mapping (overlays merged) as YAML on stdout" };
        var command = new Command("check", "Validate a mapping against its standard and, with --source, against the data: every mistake with file, line, column and a fix")
        {
            mapping, standard, source, maxRejects, printEffective,
        };
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(context.Json);
            return CommandHost.ExecuteAsync(context, "check", json, async () =>
            {
                var request = new CheckRequest(result.GetValue(mapping)!, context.StandardSource(result, standard), result.GetValue(source))
                {
                    MaxRejects = result.GetValue(maxRejects) is { } text ? Core.Load.RejectThreshold.Parse(text) : Core.Load.RejectThreshold.Default,
                };
                var outcome = await MappingChecker.CheckAsync(request, ct);
                return CheckOutputWriter.Write(context, request, outcome, json, result.GetValue(printEffective));
            });
        });
        return command;
    }
}
