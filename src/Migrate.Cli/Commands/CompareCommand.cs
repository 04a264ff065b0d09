using System.CommandLine;
using Migrate.Core.Compare;

namespace Migrate.Cli.Commands;

/// <summary><c>migrate compare</c>: many municipalities' reports → which customizations recur and how each was decided.</summary>
public static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var reports = new Argument<string[]>("reports") { Description = "report/report.json of each municipality's work directory", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Folder for compare.html, compare.json and compare.csv", DefaultValueFactory = _ => "compare" };
        var command = new Command("compare", "Compare many municipalities' reports: recurring and unique customizations, and how each was decided") { reports, output };
        command.SetAction(result =>
        {
            var json = result.GetValue(context.Json);
            return CommandHost.ExecuteAsync(context, "compare", json, () =>
            {
                var comparison = ComparisonBuilder.Build(result.GetValue(reports)!);
                var files = ComparisonWriter.WriteAll(comparison, result.GetValue(output)!);
                if (json)
                    CommandHost.WriteJson(context, new { SchemaVersion = 1, Command = "compare", Municipalities = comparison.Municipalities.Count, comparison.Recurring, comparison.Unique, comparison.FeedbackCandidates, Files = files });
                if (!result.GetValue(context.Quiet))
                {
                    context.Console.Log.WriteLine($"  {comparison.Municipalities.Count} municipalities: {comparison.Recurring} recurring, {comparison.Unique} unique customizations, {comparison.FeedbackCandidates.Count} feedback candidate(s)");
                    foreach (var file in files) context.Console.Log.WriteLine($"    {file}");
                }
                return Task.FromResult(ExitCodes.Success);
            });
        });
        return command;
    }
}
