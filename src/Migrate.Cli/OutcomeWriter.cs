using System.Globalization;
using Humanizer;
using Migrate.Cli.Console;
using Migrate.Core.Manifests;
using Migrate.Core.Pipeline;
using Migrate.Core.Work;

namespace Migrate.Cli;

/// <summary>The end-of-command summary: counts per table on stderr, the same as JSON on stdout with --json.</summary>
public static class OutcomeWriter
{
    public static int Write(CliContext context, string command, RunOutcome outcome, bool json, bool quiet, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        var exitCode = outcome.FailOnMet.Count > 0 ? ExitCodes.FailOn : ExitCodes.Success;
        var manifest = outcome.Manifest;
        if (json)
        {
            CommandHost.WriteJson(context, new
            {
                SchemaVersion = 1,
                Command = command,
                manifest.RunId,
                ExitCode = exitCode,
                Seconds = Math.Round(elapsed.TotalSeconds, 3),
                Sources = manifest.Extract?.Sources.Select(s => new { s.SourceId, s.File, s.Records, s.Staged, s.Rejected }),
                Tables = manifest.Map?.Tables.Select(t => new { t.TableId, t.Read, t.Mapped, t.Rejected, Filtered = t.Filtered.Values.Sum() }),
                manifest.Load,
                manifest.Reconciliation,
                Findings = outcome.Report?.Summary,
                outcome.ReportFiles,
                outcome.FailOnMet,
            });
        }
        if (quiet)
        {
            // -q hides progress and summaries, never why the command failed: one line on stderr.
            if (outcome.FailOnMet.Count > 0)
                context.Console.Log.WriteLine($"migrate {command}: --fail-on {string.Join("; --fail-on ", outcome.FailOnMet)}");
            return exitCode;
        }

        var error = context.Console.Log;
        // On a terminal the counts are one table; on a pipe, one greppable line each (as before).
        if (context.Console.ErrorIsTerminal) SummaryTable.Write(error, manifest);
        else WriteLines(error, manifest);
        if (outcome.Report is { } report)
        {
            var s = report.Summary;
            error.WriteLine(Invariant($"  report: {"customization".ToQuantity(s.Findings)}, {s.ByDisposition.GetValueOrDefault("pending")} pending; 外字 {s.GaijiResolved:N0} identified, {s.GaijiReduced:N0} reduced, {s.GaijiUnresolved:N0} unresolved"));
            foreach (var file in outcome.ReportFiles) error.WriteLine($"    {file}");
        }
        foreach (var met in outcome.FailOnMet) error.WriteLine($"  --fail-on {met}");
        error.WriteLine($"migrate {command}: done in {elapsed.Humanize(2)} (run {manifest.RunId})");
        return exitCode;
    }

    private static void WriteLines(TextWriter error, Manifest manifest)
    {
        foreach (var s in manifest.Extract?.Sources ?? [])
            error.WriteLine(Invariant($"  extract {s.File}: {s.Records:N0} records, {s.Staged:N0} staged, {s.Rejected:N0} rejected"));
        foreach (var t in manifest.Map?.Tables ?? [])
            error.WriteLine(Invariant($"  map {t.TableId}: {t.Read:N0} read, {t.Mapped:N0} mapped, {t.Rejected:N0} rejected, {t.Filtered.Values.Sum():N0} filtered"));
        foreach (var b in manifest.Reconciliation?.Tables ?? [])
            error.WriteLine(Invariant($"  {(b.Balanced ? "ok" : "MISMATCH")} {b.TableId}: read {b.Read:N0} = loaded {b.Loaded:N0} + rejected {b.Rejected:N0} + filtered {b.Filtered:N0}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static RunOutcome Of(Manifest manifest) => new(manifest, null, [], []);
}
