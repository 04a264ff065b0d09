using System.CommandLine;
using Migrate.Core.Load;
using Migrate.Core.Report;
using Migrate.Core.Work;

namespace Migrate.Cli;

/// <summary>Options shared by several commands, created per command so each gets its own instance.</summary>
public static class CommonOptions
{
    public static Option<string> Mapping(bool required) => new("--mapping", "-m")
    {
        Description = required
            ? "Mapping file (YAML), e.g. mappings/vendors/vendor-a/juki.yaml"
            : "Mapping file (YAML); default: the one recorded in the work directory's manifest",
        Required = required,
    };

    public static Option<string?> Standard() => new("--standard")
    {
        Description = "Standard definition file; default: the mapping's standard ID from --standards, a standard/<id>/ folder above the mapping, or the bundled one",
    };

    public static Option<string?> Source() => new("--source", "-s")
    {
        Description = "Folder holding the legacy export files named in the mapping (needed when the mapping reads files)",
    };

    public static Option<string[]> SourceConnection() => new("--source-connection")
    {
        Description = "Legacy database for format: database sources: sqlite:PATH, postgres:CONN, sqlserver:CONN or env:VARIABLE holding one of those; NAME=… for a source's 'connection: NAME' (repeatable). Never printed.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string> Out() => new("--out", "-o")
    {
        Description = "Work directory for staging, mapped files, rejects, manifest and report",
        DefaultValueFactory = _ => "migrate-work",
    };

    public static Option<string?> Target() => new("--target", "-t")
    {
        Description = "sqlite:PATH (default: OUT/standard.db), sqlserver:CONN, postgres:CONN, or env:VARIABLE holding one of those",
    };

    /// <summary>The --target value, or the work directory's embedded SQLite file when none is given.</summary>
    public static TargetSpec TargetOf(string? target, WorkDirectory work, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(context);
        return TargetSpec.Parse(target ?? "sqlite:" + work.DefaultDatabasePath, context.Environment, Data.Engines.DatabaseEngines.Registry);
    }

    /// <summary>The default connection retry, each retry said on stderr (unless --quiet).</summary>
    public static Data.ConnectionRetry Retry(CliContext context, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Data.ConnectionRetry.Default with { Notice = quiet ? null : line => context.Console.Log.WriteLine("migrate: " + line) };
    }

    public static Option<bool> Replace() => new("--replace")
    {
        Description = "Replace rows already in the target tables (otherwise a non-empty target is refused)",
    };

    public static Option<string?> Decisions() => new("--decisions")
    {
        Description = "The municipality's decisions: decisions.xlsx, an edited report/findings.csv or a YAML file; default: OUT/decisions.xlsx (written by the report), OUT/decisions.yaml, or NAME.decisions.yaml beside a municipality overlay",
    };

    public static Option<string?> MaxRejects() => new("--max-rejects")
    {
        Description = "Fail (exit 3) before loading when a table has more rejected records than this: a count (10) or a percentage of the table's records (2.5%); default 5%, 100% turns the rule off",
    };

    public static Option<string[]> AcceptCriticalReject() => new("--accept-critical-reject")
    {
        Description = "Load although this 支援措置 integrity problem (FILE:LINE, as the refusal lists it) was found: for a case checked by hand; recorded in the manifest and the report (repeatable)",
        HelpName = "FILE:LINE",
    };

    /// <summary>What fails a run, for <c>run --help</c> and <c>load --help</c> (the README has the same table).</summary>
    public const string OutcomeRules =
        " Nothing is loaded (exit 3) when: a record of a 支援措置 person (flagged anywhere or named by the support table) is rejected or filtered;"
        + " a support row names a person who is not loaded; a rejected record's 宛名番号 cannot be read while support data is mapped;"
        + " a table rejects more than 5% of its records (--max-rejects); a table whose source has records would load none; the resident file is empty."
        + " --accept-critical-reject FILE:LINE accepts one checked case.";

    public static Option<string[]> FailOn() => new("--fail-on")
    {
        Description = $"Exit 1 when a condition holds: {string.Join(", ", FailOnCondition.All)} (repeatable)",
        AllowMultipleArgumentsPerToken = true,
    };
}
