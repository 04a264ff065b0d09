using System.CommandLine;
using Migrate.Core.Authoring;

namespace Migrate.Cli.Commands;

/// <summary><c>migrate init</c>: profile a legacy export and draft a mapping that loads and runs as it is.</summary>
public static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Option<string>("--source", "-s") { Description = "Legacy file, or folder of delimited files, to profile", Required = true };
        var encoding = new Option<string>("--encoding") { Description = "Encoding of the legacy files (cp932, euc-jp, utf-8 …)", DefaultValueFactory = _ => "cp932" };
        var standard = new Option<string>("--standard") { Description = "Standard ID (found as standard/ID/standard.yaml above --out or the current folder) or the path of a standard file", Required = true };
        var table = new Option<string?>("--table") { Description = "Draft only this standard table" };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the draft mapping (YAML)", Required = true };
        var sample = new Option<long?>("--sample") { Description = "Profile only the first N records of each file (default: all)" };
        var vendor = new Option<string>("--vendor") { Description = "Vendor name written into the draft", DefaultValueFactory = _ => "draft" };
        var delimiter = new Option<string>("--delimiter") { Description = "Field delimiter", DefaultValueFactory = _ => "," };
        var noHeader = new Option<bool>("--no-header") { Description = "The files have no header row (columns are named COL1, COL2 …)" };
        var command = new Command("init", "Profile a legacy export (types, null rates, distinct counts, 和暦, half-width kana, 外字) and draft a mapping")
        {
            source, encoding, standard, table, output, sample, vendor, delimiter, noHeader,
        };
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(context.Json);
            var quiet = result.GetValue(context.Quiet);
            return CommandHost.ExecuteAsync(context, "init", json, async () =>
            {
                var delimiterText = result.GetValue(delimiter)!.Replace("\\t", "\t", StringComparison.Ordinal);
                if (delimiterText.Length != 1) throw Core.Diagnostics.MigrateException.Usage("--delimiter must be one character");
                var request = new InitRequest(result.GetValue(source)!, result.GetValue(encoding)!, result.GetValue(standard)!, result.GetValue(table),
                    result.GetValue(output)!, result.GetValue(sample), result.GetValue(vendor)!, delimiterText[0], !result.GetValue(noHeader));
                var outcome = await MappingInitializer.InitAsync(request, ct);
                InitOutputWriter.Write(context, outcome, json, quiet);
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
