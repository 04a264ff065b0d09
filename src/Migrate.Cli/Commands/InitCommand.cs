using System.CommandLine;
using Migrate.Core.Authoring;
using Migrate.Core.Extract.Database;
using Migrate.Data.Engines;
using Migrate.Data.Sources;

namespace Migrate.Cli.Commands;

/// <summary><c>migrate init</c>: profile a legacy export and draft a mapping that loads and runs as it is.</summary>
public static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Option<string?>("--source", "-s") { Description = "Legacy file, or folder of delimited files, to profile (a fixed-width file with --layout)" };
        var encoding = new Option<string?>("--encoding") { Description = "Encoding of the legacy files (cp932, euc-jp, utf-8 …); default: the layout's, else cp932" };
        var layout = new Option<string?>("--layout") { Description = "Fixed-width record layout (YAML: fields, record_length, separator as in a mapping's source, or a mapping with a fixed source for this file)" };
        var sourceConnection = new Option<string?>(SourceConnection.Option)
        {
            Description = "Legacy database to profile a table of: sqlite:PATH, postgres:CONN, sqlserver:CONN or env:VARIABLE holding one of those. Never printed nor written to the draft.",
        };
        var sourceTable = new Option<string?>("--source-table") { Description = "Database table to profile (TABLE or SCHEMA.TABLE), with --source-connection" };
        var orderBy = new Option<string[]>("--order-by") { Description = "Columns the table is read in order of (its primary key), written to the draft as order_by", AllowMultipleArgumentsPerToken = true };
        var standard = new Option<string>("--standard") { Description = "Standard ID (bundled, from --standards, or a standard/ID/ folder above --out) or the path of a standard file", Required = true };
        var table = new Option<string?>("--table") { Description = "Draft only this standard table" };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the draft mapping (YAML)", Required = true };
        var sample = new Option<long?>("--sample") { Description = "Profile only the first N records of each file or table (default: all)" };
        var vendor = new Option<string>("--vendor") { Description = "Vendor name written into the draft", DefaultValueFactory = _ => "draft" };
        var delimiter = new Option<string>("--delimiter") { Description = "Field delimiter", DefaultValueFactory = _ => "," };
        var noHeader = new Option<bool>("--no-header") { Description = "The files have no header row (columns are named COL1, COL2 …)" };
        var command = new Command("init", "Profile a legacy export (types, null rates, distinct counts, 和暦, half-width kana, 外字) and draft a mapping")
        {
            source, encoding, layout, sourceConnection, sourceTable, orderBy, standard, table, output, sample, vendor, delimiter, noHeader,
        };
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(context.Json);
            var quiet = result.GetValue(context.Quiet);
            return CommandHost.ExecuteAsync(context, "init", json, async () =>
            {
                var delimiterText = result.GetValue(delimiter)!.Replace("\\t", "\t", StringComparison.Ordinal);
                if (delimiterText.Length != 1) throw Core.Diagnostics.MigrateException.Usage("--delimiter must be one character");
                var connection = result.GetValue(sourceConnection) is { } text ? SourceConnection.Parse(null, text, context.Environment, DatabaseEngines.Registry) : null;
                var request = new InitRequest(result.GetValue(source), result.GetValue(encoding), result.GetValue(standard)!, result.GetValue(table),
                    result.GetValue(output)!, result.GetValue(sample), result.GetValue(vendor)!, delimiterText[0], !result.GetValue(noHeader))
                {
                    Layout = result.GetValue(layout),
                    Standards = context.StandardSource(result),
                    Connection = connection,
                    Databases = connection is null ? null : DatabaseSourceReader.Instance,
                    SourceTable = result.GetValue(sourceTable),
                    OrderBy = (result.GetValue(orderBy) ?? []).SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
                };
                var outcome = await MappingInitializer.InitAsync(request, ct);
                InitOutputWriter.Write(context, outcome, json, quiet, NextCommand(outcome, request, result.GetValue(context.Standards)));
                return ExitCodes.Success;
            });
        });
        return command;
    }

    /// <summary>
    /// The check to run next, complete so that it can be copied as it is: the draft and source paths as
    /// given, and the standard options init was given (a standard file, or a --standards folder).
    /// </summary>
    private static string NextCommand(InitResult outcome, InitRequest request, string? standards)
    {
        var words = new List<string> { "migrate", "check", "--mapping", outcome.OutPath };
        if (outcome.SourceFolder is { } folder) words.AddRange(["--source", folder]);
        if (File.Exists(request.Standard)) words.AddRange(["--standard", request.Standard]);
        else if (standards is not null) words.AddRange(["--standards", standards]);
        return string.Join(' ', words.Select(Quote));
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '=' or ',' or '+' or '@')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
