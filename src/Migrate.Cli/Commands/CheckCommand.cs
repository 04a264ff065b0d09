using System.CommandLine;
using Migrate.Core.Diagnostics;
using Migrate.Core.Pipeline;

namespace Migrate.Cli.Commands;

/// <summary><c>migrate check</c>: load a mapping against its standard and report the first mistake with its place.</summary>
public static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var mapping = CommonOptions.Mapping(required: true);
        var standard = CommonOptions.Standard();
        var command = new Command("check", "Validate a mapping against its standard: names, transforms, code tables, parameters") { mapping, standard };
        command.SetAction(result =>
        {
            var json = result.GetValue(context.Json);
            var path = result.GetValue(mapping)!;
            try
            {
                var session = MigrationSession.Open(path, result.GetValue(standard), Path.GetTempPath());
                if (json) CommandHost.WriteJson(context, new { SchemaVersion = 1, Mapping = path, Valid = true, Diagnostics = Array.Empty<object>() });
                else context.Console.Out.WriteLine($"{path}: ok ({session.Mapping.Tables.Count} tables, {session.Mapping.Tables.Sum(t => t.Items.Count)} items mapped to {session.Standard.Id} {session.Standard.Version})");
                return ExitCodes.Success;
            }
            catch (MigrateException e) when (e.Kind == FailureKind.Usage)
            {
                if (json) CommandHost.WriteJson(context, new { SchemaVersion = 1, Mapping = path, Valid = false, Diagnostics = new[] { new { Severity = "error", e.Message } } });
                context.Console.Log.WriteLine(e.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
