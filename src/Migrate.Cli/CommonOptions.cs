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
        Description = "Standard definition file; default: standard/<id>/standard.yaml found above the mapping",
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
        return TargetSpec.Parse(target ?? "sqlite:" + work.DefaultDatabasePath, context.Environment);
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
        Description = "Fail (exit 3) before loading when more records than this were rejected: a count (10) or a percentage of the records read (2.5%)",
    };

    public static Option<string[]> FailOn() => new("--fail-on")
    {
        Description = $"Exit 1 when a condition holds: {string.Join(", ", FailOnCondition.All)} (repeatable)",
        AllowMultipleArgumentsPerToken = true,
    };
}
