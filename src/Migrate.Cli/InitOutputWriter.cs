using System.Globalization;
using Migrate.Core.Authoring;

namespace Migrate.Cli;

/// <summary>The profile and matching summary of <c>migrate init</c>: counts, types and lengths only, never a value.</summary>
public static class InitOutputWriter
{
    /// <param name="nextCommand">The command to run next, complete (paths and standard options as given to init).</param>
    public static void Write(CliContext context, InitResult result, bool json, bool quiet, string nextCommand)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        if (json)
        {
            CommandHost.WriteJson(context, new
            {
                SchemaVersion = 1,
                Command = "init",
                Draft = result.OutPath,
                Sources = result.Sources.Select(s => new
                {
                    s.File,
                    Format = s.Format.ToLowerInvariant(),
                    s.Records,
                    s.Unreadable,
                    Columns = s.Columns.Select(c => new
                    {
                        c.Name,
                        Type = c.InferredType,
                        NullRate = Math.Round(c.NullRate, 4),
                        c.Distinct,
                        c.DistinctOverflow,
                        c.MinLength,
                        c.MaxLength,
                        c.WarekiLike,
                        c.HalfWidthKana,
                        c.PrivateUse,
                    }),
                }),
                Matches = result.Matches,
                result.UnmatchedColumns,
                result.Todos,
                result.Unresolved,
                result.CriticalUnresolved,
                Next = nextCommand,
            });
        }
        if (quiet) return;
        var log = context.Console.Log;
        foreach (var source in result.Sources)
        {
            log.WriteLine(Invariant($"  {source.File}: {source.Records:N0} records, {source.Unreadable:N0} unreadable"));
            foreach (var c in source.Columns)
            {
                var flags = string.Join(", ", new[]
                {
                    c.WarekiLike > 0 ? Invariant($"和暦 {c.WarekiLike:N0}") : null,
                    c.UnknownDates.Count > 0 ? Invariant($"不詳 {c.UnknownDates.Values.Sum():N0}") : null,
                    c.HalfWidthKana > 0 ? Invariant($"半角カナ {c.HalfWidthKana:N0}") : null,
                    c.PrivateUse > 0 ? Invariant($"外字 {c.PrivateUse:N0}") : null,
                }.Where(f => f is not null));
                log.WriteLine(Invariant($"    {c.Name,-16} {c.InferredType,-20} null {c.NullRate * 100,5:0.0}%  distinct {(c.DistinctOverflow ? ">" : "")}{c.Distinct,-5} length {c.MinLength}-{c.MaxLength}{(flags.Length > 0 ? "  " + flags : "")}"));
            }
        }
        var byHow = result.Matches.GroupBy(m => m.How).Select(g => $"{g.Count()} by {g.Key}").ToList();
        log.WriteLine($"  items: {(byHow.Count == 0 ? "none matched" : string.Join(", ", byHow))}; {result.UnmatchedColumns.Count} columns unmatched (listed as candidate customizations); {result.Todos} TODO comment(s)");
        if (result.Matches.Count == 0)
            log.WriteLine("  no standard table matched the headers of these files: the draft has no tables to load; map them by hand or check --encoding and --delimiter");
        if (result.Unresolved > 0)
            log.WriteLine($"  {result.Unresolved} unresolved decision(s) marked 'todo:' in the draft{(result.CriticalUnresolved.Count > 0 ? $", critical: {string.Join(", ", result.CriticalUnresolved)}" : "")}; check lists each with its line, run refuses the draft until they are resolved");
        log.WriteLine($"migrate init: wrote {result.OutPath}; next: {nextCommand}");
        if (result.SourceFolder is null)
            log.WriteLine($"  then run it with the database: migrate run --mapping {result.OutPath} --source-connection … (the connection is never written to the draft; joins with other tables are added by hand)");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
