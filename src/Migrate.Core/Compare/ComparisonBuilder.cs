using Migrate.Core.Diagnostics;
using Migrate.Core.Report;
using Migrate.Core.Work;

namespace Migrate.Core.Compare;

/// <summary>Builds the cross-municipality view from many report.json files.</summary>
public static class ComparisonBuilder
{
    public static Comparison Build(IReadOnlyList<string> reportPaths)
    {
        ArgumentNullException.ThrowIfNull(reportPaths);
        if (reportPaths.Count < 2) throw MigrateException.Usage("compare needs at least two report.json files");
        var reports = reportPaths.Select(path => (Path: path, Report: Read(path))).ToList();
        return Build(reports);
    }

    public static Comparison Build(IReadOnlyList<(string Path, MigrationReport Report)> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var labels = UniqueLabels(reports);
        var municipalities = reports.Select((r, i) => new ComparedMunicipality(labels[i], r.Report.Vendor, r.Report.StandardId,
            r.Report.StandardVersion, r.Report.Findings.Count, Path.GetFullPath(r.Path))).ToList();

        var findings = reports
            .SelectMany((r, i) => r.Report.Findings.Select(f => (Label: labels[i], Finding: f)))
            .GroupBy(x => x.Finding.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First().Finding;
                var places = g.Select(x => x.Label).Distinct(StringComparer.Ordinal).Count();
                return new ComparedFinding(g.Key, first.Category, first.Title, places, g.Sum(x => x.Finding.Count), places > 1,
                    g.GroupBy(x => ReportBuilder.Kebab(x.Finding.Disposition)).OrderBy(d => d.Key, StringComparer.Ordinal).ToDictionary(d => d.Key, d => d.Count()),
                    g.Select(x => new MunicipalityDecision(x.Label, x.Finding.Disposition, x.Finding.DecisionReason)).ToList());
            })
            .OrderByDescending(f => f.Municipalities)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();

        return new Comparison
        {
            Municipalities = municipalities,
            Findings = findings,
            Recurring = findings.Count(f => f.Recurring),
            Unique = findings.Count(f => !f.Recurring),
            FeedbackCandidates = findings
                .Where(f => f.Recurring && f.Decisions.Any(d => d.Disposition is Disposition.Justified or Disposition.Feedback))
                .Select(f => f.Id)
                .ToList(),
        };
    }

    private static MigrationReport Read(string path)
    {
        if (!File.Exists(path)) throw MigrateException.Usage($"{path}: report not found (give the report/report.json of each work directory)");
        try
        {
            var report = Json.Read<MigrationReport>(path);
            if (report.SchemaVersion != MigrationReport.CurrentSchemaVersion)
                throw MigrateException.Usage($"{path}: report schema {report.SchemaVersion} is not supported (expects {MigrationReport.CurrentSchemaVersion})");
            return report;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw MigrateException.Usage($"{path}: not a migrate report.json ({e.Message})");
        }
    }

    /// <summary>The municipality name, or the work directory's name; made unique when two coincide.</summary>
    private static List<string> UniqueLabels(IReadOnlyList<(string Path, MigrationReport Report)> reports)
    {
        var labels = new List<string>();
        foreach (var (path, report) in reports)
        {
            var full = Path.GetFullPath(path);
            var workDir = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(full)) ?? full);
            var label = report.Municipality ?? workDir;
            var unique = label;
            for (var n = 2; labels.Contains(unique, StringComparer.Ordinal); n++) unique = $"{label} ({n})";
            labels.Add(unique);
        }
        return labels;
    }
}
