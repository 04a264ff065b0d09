using System.Globalization;
using Migrate.Core.Manifests;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>
/// The manifest's own arithmetic, as <c>migrate verify</c> checks it before comparing anything with
/// it: per source, records = staged + rejected; per table, read = its source's staged records =
/// mapped + rejected + filtered; each rejects file holds its stage's rejected count; the load holds
/// every mapped row; and the reconciliation is the one the stage counts give. A count edited by hand
/// or damaged breaks at least one of these.
/// </summary>
internal static class ManifestArithmetic
{
    /// <summary>One line per count that does not add up, naming the source or table and the counts; empty when all do.</summary>
    public static IReadOnlyList<string> Problems(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var problems = new List<string>();
        void Add(FormattableString problem) => problems.Add(problem.ToString(CultureInfo.InvariantCulture));

        var sources = manifest.Extract?.Sources.ToDictionary(s => s.SourceId, StringComparer.Ordinal) ?? [];
        foreach (var s in sources.Values)
        {
            if (s.Records != s.Staged + s.Rejected)
                Add($"extract source '{s.SourceId}': records {s.Records} ≠ staged {s.Staged} + rejected {s.Rejected}");
            if (s.Rejects is { } rejects && rejects.Records != s.Rejected)
                Add($"extract source '{s.SourceId}': rejected {s.Rejected} ≠ {rejects.Records} records recorded for {rejects.File}");
        }

        foreach (var t in manifest.Map?.Tables ?? [])
        {
            var filtered = t.Filtered.Values.Sum();
            if (t.Read != t.Mapped + t.Rejected + filtered)
                Add($"map table '{t.TableId}': read {t.Read} ≠ mapped {t.Mapped} + rejected {t.Rejected} + filtered {filtered}");
            if (!sources.TryGetValue(t.SourceId, out var source))
                Add($"map table '{t.TableId}': its source '{t.SourceId}' is not in the extract stage");
            else if (t.Read != source.Staged)
                Add($"map table '{t.TableId}': read {t.Read} ≠ staged {source.Staged} of source '{t.SourceId}'");
            if (t.Rejects is { } rejects && rejects.Records != t.Rejected)
                Add($"map table '{t.TableId}': rejected {t.Rejected} ≠ {rejects.Records} records recorded for {rejects.File}");
        }

        if (manifest.Load is { } load && manifest.Map is { } map)
        {
            foreach (var t in map.Tables)
            {
                var loaded = load.Tables.FirstOrDefault(l => l.TableId == t.TableId);
                if (loaded is null) Add($"load: table '{t.TableId}' is missing (mapped {t.Mapped})");
                else if (loaded.Loaded != t.Mapped) Add($"load table '{t.TableId}': loaded {loaded.Loaded} ≠ mapped {t.Mapped}");
            }
            foreach (var l in load.Tables.Where(l => map.Tables.All(t => t.TableId != l.TableId)))
                Add($"load table '{l.TableId}': not a mapped table");
        }

        if (manifest.Reconciliation is { } reconciliation)
        {
            if (manifest.Load is null || manifest.Map is null || manifest.Extract is null)
                Add($"reconciliation: recorded without the load it reconciles");
            // (A table whose source is missing is named above; the reconciliation cannot be recomputed.)
            else if (manifest.Map.Tables.All(t => sources.ContainsKey(t.SourceId)))
                CompareReconciliation(reconciliation, MigrationRunner.Reconcile(manifest, manifest.Load), Add);
        }
        return problems;
    }

    private static void CompareReconciliation(Reconciliation recorded, Reconciliation expected, Action<FormattableString> add)
    {
        foreach (var want in expected.Tables)
        {
            var have = recorded.Tables.FirstOrDefault(b => b.TableId == want.TableId);
            if (have is null) add($"reconciliation: table '{want.TableId}' is missing");
            else if (have != want)
                add($"reconciliation table '{want.TableId}': read {have.Read}, loaded {have.Loaded}, rejected {have.Rejected}, filtered {have.Filtered}, balanced {Text(have.Balanced)} where the stage counts give read {want.Read}, loaded {want.Loaded}, rejected {want.Rejected}, filtered {want.Filtered}, balanced {Text(want.Balanced)}");
        }
        foreach (var extra in recorded.Tables.Where(b => expected.Tables.All(t => t.TableId != b.TableId)))
            add($"reconciliation table '{extra.TableId}': not a mapped table");
        if (recorded.Balanced != expected.Balanced)
            add($"reconciliation: balanced {Text(recorded.Balanced)} where its tables give {Text(expected.Balanced)}");
    }

    private static string Text(bool value) => value ? "true" : "false";
}
