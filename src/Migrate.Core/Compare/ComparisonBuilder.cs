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
            r.Report.StandardVersion, r.Report.Findings.Count, Path.GetFullPath(r.Path))
        {
            Code = r.Report.Municipality,
            Name = r.Report.MunicipalityName,
        }).ToList();

        var findings = reports
            .SelectMany((r, i) => r.Report.Findings.Select(f => (Label: labels[i], r.Report.Vendor, Finding: f)))
            .GroupBy(x => SameMeaningKey(x.Vendor, x.Finding), StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First().Finding;
                var places = g.Select(x => x.Label).Distinct(StringComparer.Ordinal).Count();
                var vendors = g.Select(x => x.Vendor).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                return new ComparedFinding(first.Id, first.Category, first.Title, places, g.Sum(x => x.Finding.Count), places > 1,
                    g.GroupBy(x => ReportBuilder.Kebab(x.Finding.Disposition)).OrderBy(d => d.Key, StringComparer.Ordinal).ToDictionary(d => d.Key, d => d.Count()),
                    g.Select(x => new MunicipalityDecision(x.Label, x.Finding.Disposition, x.Finding.DecisionReason)).ToList())
                {
                    Vendors = vendors,
                    Ids = g.Select(x => x.Finding.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                };
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

    /// <summary>
    /// Findings are the same customization only where the standard item and the meaning are the same.
    /// A legacy code, 外字 code, column or file name means something only within its vendor's system
    /// (gaiji/F042 of vendor A and of vendor B are different characters), so those are keyed by vendor
    /// unless the finding says what they mean in the standard (the standard code or the character they
    /// were converted to). Standard items with no source and lossy conversions of an item are the
    /// same finding for every vendor.
    /// </summary>
    internal static string SameMeaningKey(string vendor, Finding finding) => finding.Category switch
    {
        FindingCategory.MissingItem or FindingCategory.Lossy or FindingCategory.OutsideJis => finding.Id,
        FindingCategory.CustomCode when finding.StandardValue is { } code => $"custom-code/{finding.Item}/→{code}",
        FindingCategory.Gaiji when finding.StandardValue is { } character => $"gaiji/→{character}",
        _ => $"{vendor}|{finding.Id}",
    };

    /// <summary>The municipality code and name, or the work directory with its parent folder; made unique when two coincide.</summary>
    private static List<string> UniqueLabels(IReadOnlyList<(string Path, MigrationReport Report)> reports)
    {
        var labels = new List<string>();
        foreach (var (path, report) in reports)
        {
            var full = Path.GetFullPath(path);
            // report/report.json → the work directory; two called "work" are told apart by their parent ("city-a/work").
            var work = Path.GetDirectoryName(Path.GetDirectoryName(full)) ?? full;
            var label = (report.Municipality, report.MunicipalityName) switch
            {
                ({ } code, { } name) => $"{code} {name}",
                ({ } code, null) => code,
                (null, { } name) => name,
                _ => Path.GetFileName(work),
            };
            if (labels.Contains(label, StringComparer.Ordinal) && report.Municipality is null && report.MunicipalityName is null && Path.GetFileName(Path.GetDirectoryName(work)) is { Length: > 0 } parent)
                label = $"{parent}/{Path.GetFileName(work)}";
            var unique = label;
            for (var n = 2; labels.Contains(unique, StringComparer.Ordinal); n++) unique = $"{label} ({n})";
            labels.Add(unique);
        }
        return labels;
    }
}
