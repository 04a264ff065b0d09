using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Migrate.Core.Report.Decisions;

/// <summary>
/// Writes a decisions file listing every current finding as pending, with its title as a comment,
/// ready for the municipality to edit. Existing decisions in the file are kept.
/// </summary>
internal static class DecisionsTemplate
{
    public static int Write(MigrationReport report, string path, DecisionsFile? existing)
    {
        ArgumentNullException.ThrowIfNull(report);
        var kept = existing?.Decisions.ToDictionary(d => d.FindingId, StringComparer.Ordinal) ?? [];
        var added = 0;
        var temp = path + ".tmp";
        using (var writer = new StreamWriter(temp, false, new System.Text.UTF8Encoding(false)))
        {
            var emitter = new Emitter(writer);
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart());
            emitter.Emit(new Comment($"Decisions on the customizations found for {report.Municipality ?? report.Vendor} ({report.StandardName} {report.StandardVersion}).", false));
            emitter.Emit(new Comment("disposition: adopt-standard | justified (reason required) | feedback (description required) | pending (or 標準に合わせる | 理由を付けて残す | 標準へ提案 | 未決定)", false));
            emitter.Emit(new MappingStart());
            Scalar(emitter, "decisions_version");
            Scalar(emitter, "1");
            if (report.Municipality is not null)
            {
                Scalar(emitter, "municipality");
                Scalar(emitter, report.Municipality);
            }
            Scalar(emitter, "decisions");
            emitter.Emit(new MappingStart());
            foreach (var finding in report.Findings)
            {
                emitter.Emit(new Comment(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{finding.Title} — {finding.Count:N0}"), false));
                Scalar(emitter, finding.Id);
                emitter.Emit(new MappingStart());
                if (kept.Remove(finding.Id, out var decision))
                {
                    Field(emitter, "disposition", ReportBuilder.Kebab(decision.Disposition));
                    Field(emitter, "reason", decision.Reason);
                    Field(emitter, "decided_by", decision.DecidedBy);
                    Field(emitter, "decided_on", decision.DecidedOn);
                }
                else
                {
                    Field(emitter, "disposition", "pending");
                    added++;
                }
                emitter.Emit(new MappingEnd());
            }
            // Decisions for findings that are gone stay in the file (reported as stale), never dropped.
            foreach (var stale in kept.Values.OrderBy(d => d.FindingId, StringComparer.Ordinal))
            {
                emitter.Emit(new Comment("stale: this finding no longer exists", false));
                Scalar(emitter, stale.FindingId);
                emitter.Emit(new MappingStart());
                Field(emitter, "stale", "true");
                Field(emitter, "disposition", ReportBuilder.Kebab(stale.Disposition));
                Field(emitter, "reason", stale.Reason);
                Field(emitter, "decided_by", stale.DecidedBy);
                Field(emitter, "decided_on", stale.DecidedOn);
                emitter.Emit(new MappingEnd());
            }
            emitter.Emit(new MappingEnd());
            emitter.Emit(new MappingEnd());
            emitter.Emit(new DocumentEnd(true));
            emitter.Emit(new StreamEnd());
        }
        File.Move(temp, path, overwrite: true);
        return added;
    }

    private static void Scalar(IEmitter emitter, string value) => emitter.Emit(new YamlDotNet.Core.Events.Scalar(value));

    private static void Field(IEmitter emitter, string key, string? value)
    {
        if (value is null) return;
        Scalar(emitter, key);
        Scalar(emitter, value);
    }
}
