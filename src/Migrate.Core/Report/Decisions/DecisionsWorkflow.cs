using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;

namespace Migrate.Core.Report.Decisions;

/// <summary>What the user asked about decisions: an explicit file (--decisions) and whether to write a YAML template.</summary>
internal sealed record DecisionsRequest(string? Path, bool Init = false);

/// <summary>
/// Puts the municipality's decisions onto a report and keeps decisions.xlsx in the work directory up
/// to date. Decisions belong to a municipality, so by default they are read from the work directory
/// (decisions.xlsx, then decisions.yaml) or from beside a municipality overlay, never from beside a
/// vendor's mapping that many municipalities share.
/// </summary>
internal static class DecisionsWorkflow
{
    public const string YamlFileName = "decisions.yaml";

    public static MigrationReport Apply(MigrationReport report, DecisionsRequest request, MappingDefinition mapping, string workDirectory, Action<string> info)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(info);
        var workbook = Path.GetFullPath(Path.Combine(workDirectory, DecisionsWorkbook.FileName));
        var path = request.Path ?? DefaultPath(workDirectory, mapping, request.Init, info);

        DecisionsFile? decisions = null;
        if (request.Init && path is not null && !IsWorkbook(path))
        {
            var existing = File.Exists(path) ? DecisionsFile.LoadAny(path) : null;
            var added = DecisionsTemplate.Write(report, path, existing);
            info($"{path}: {added} finding(s) added as pending");
        }
        if (path is not null)
        {
            if (!File.Exists(path))
            {
                if (request.Path is not null && !(request.Init && IsWorkbook(path)))
                    throw MigrateException.Usage($"--decisions {request.Path}: file not found (the report writes {workbook} for you to edit)");
            }
            else
            {
                decisions = DecisionsFile.LoadAny(path);
            }
        }

        if (decisions is not null)
        {
            CheckIds(report, decisions, PreviousFindingIds(workDirectory), info);
            report = DecisionApplier.Apply(report, decisions);
        }
        var command = Command(workDirectory, workbook);
        report = report with { HowToDecide = new DecisionsGuide(workbook, command, Path.GetFullPath(workDirectory)) };
        RefreshWorkbook(report, workbook, decisions?.Path, command, info);
        return report;
    }

    /// <summary>The command that applies the edited workbook, as the report and the workbook print it.</summary>
    public static string Command(string workDirectory, string workbook) =>
        $"migrate report --out {Quote(Path.GetFullPath(workDirectory))} --decisions {Quote(workbook)}";

    /// <summary>
    /// The report's own copy of the decisions as they stand, beside findings.csv: like it, it can be
    /// edited and given to --decisions (its 記入方法 sheet names itself). The work directory's
    /// decisions.xlsx stays the one the report tells people to edit. Null when the report has no guide.
    /// </summary>
    public static string? WriteReportCopy(MigrationReport report, string reportDirectory)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.HowToDecide is not { } guide) return null;
        var workbook = Path.Combine(reportDirectory, DecisionsWorkbook.FileName);
        DecisionsWorkbook.Write(report, workbook, Command(guide.WorkDirectory, Path.GetFullPath(workbook)));
        return workbook;
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;

    private static bool IsWorkbook(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    private static string? DefaultPath(string workDirectory, MappingDefinition mapping, bool init, Action<string> info)
    {
        var beside = DecisionsFile.DefaultPathFor(mapping.Path);
        var municipal = mapping.Municipality is not null;
        if (!municipal && File.Exists(beside))
            info($"{beside}: not read: decisions belong to a municipality, and this mapping is a vendor's shared one (give --decisions to use it, or keep the decisions in the work directory)");
        var yaml = Path.GetFullPath(Path.Combine(workDirectory, YamlFileName));
        // --init-decisions writes YAML: beside a municipality's overlay, else in the work directory.
        if (init) return municipal ? beside : yaml;
        var workbook = Path.GetFullPath(Path.Combine(workDirectory, DecisionsWorkbook.FileName));
        if (File.Exists(workbook)) return workbook;
        if (File.Exists(yaml)) return yaml;
        return municipal && File.Exists(beside) ? beside : null;
    }

    /// <summary>
    /// A decided id that is no finding of this run: a typo of a finding's id fails with the likely one.
    /// An id known to have been a finding (marked stale, a row the report wrote, or a finding of the work
    /// directory's previous report) is a stale decision, kept and listed, and said on stderr. Any other id
    /// is unknown and fails: a decision the tool cannot place would otherwise look recorded while it
    /// decides nothing. Undecided rows carry nothing and are let go.
    /// </summary>
    private static void CheckIds(MigrationReport report, DecisionsFile decisions, IReadOnlySet<string> previous, Action<string> info)
    {
        var current = report.Findings.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var decided = decisions.Decisions.Select(d => d.FindingId).ToHashSet(StringComparer.Ordinal);
        var undecidedFindings = current.Where(id => !decided.Contains(id)).ToList();
        foreach (var decision in decisions.Decisions)
        {
            if (current.Contains(decision.FindingId) || decision.Disposition == Disposition.Pending && decision.Reason is null) continue;
            var likely = Text.DidYouMean.Closest(decision.FindingId, undecidedFindings);
            if (likely is not null && !decision.MarkedStale)
                throw MigrateException.Usage(
                    $"{decision.Where}: 指摘ID「{decision.FindingId}」はこの実行の指摘にありません。「{likely}」の誤りではありませんか "
                    + $"(unknown finding id '{decision.FindingId}' (did you mean '{likely}'?); if that customization is gone, mark the decision 'stale: true' or delete it)");
            if (decision.MarkedStale || decision.IssuedByReport || previous.Contains(decision.FindingId))
            {
                info($"{decision.Where}: finding '{decision.FindingId}' no longer exists; its decision is kept and listed as stale in the report");
                continue;
            }
            var near = Text.DidYouMean.Closest(decision.FindingId, current);
            throw MigrateException.Usage(
                $"{decision.Where}: 指摘ID「{decision.FindingId}」はこの実行の指摘にも前回の報告書にもありません{(near is null ? "" : $"。「{near}」ではありませんか")} "
                + $"(unknown finding id '{decision.FindingId}'{(near is null ? "" : $" (did you mean '{near}'?)")}; copy the id from report/findings.csv or decisions.xlsx; "
                + "if it names a customization that is gone, mark the decision 'stale: true' or delete it)");
        }
    }

    /// <summary>
    /// The finding ids of the report this work directory holds from its previous run (read before it is
    /// replaced): a decision on one of them whose finding has since gone is stale, not unknown. A
    /// missing or unreadable report is no evidence, never an error.
    /// </summary>
    private static HashSet<string> PreviousFindingIds(string workDirectory)
    {
        var path = Path.Combine(workDirectory, "report", "report.json");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return ids;
        try
        {
            var previous = Work.Json.Read<MigrationReport>(path);
            ids.UnionWith(previous.Findings.Select(f => f.Id));
            ids.UnionWith(previous.StaleDecisions.Select(s => s.FindingId));
        }
        catch (Exception e) when (e is MigrateException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            // Only evidence: without it, an unplaceable decision fails and says how to mark it stale.
        }
        return ids;
    }

    /// <summary>
    /// Writes the work directory's decisions.xlsx when there is none, or when it is the file the
    /// decisions were just read from (new findings are added, counts refreshed, nothing decided is lost).
    /// A workbook that was not read this time is left alone: rewriting it would drop what it says.
    /// </summary>
    private static void RefreshWorkbook(MigrationReport report, string workbook, string? readFrom, string command, Action<string> info)
    {
        if (File.Exists(workbook) && !string.Equals(readFrom, workbook, StringComparison.Ordinal))
        {
            info($"{workbook}: kept as it is (decisions were read from {readFrom ?? "no file"}; give --decisions {workbook} to apply it)");
            return;
        }
        try
        {
            DecisionsWorkbook.Write(report, workbook, command);
        }
        catch (IOException e)
        {
            // Excel on Windows locks an open workbook: the report is still valid, the refresh waits.
            info($"{workbook}: not refreshed ({e.Message}); close it in Excel and run the report again");
        }
    }
}
