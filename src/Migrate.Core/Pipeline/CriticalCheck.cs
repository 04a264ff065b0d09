using Migrate.Core.Diagnostics;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>
/// 支援措置 and other critical records must never be dropped quietly (losing one can endanger a
/// person): any such record rejected at extract or map stops the run before anything is loaded.
/// </summary>
public static class CriticalCheck
{
    public static void ThrowIfCritical(Manifest manifest, StandardDefinition standard)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(standard);
        var lines = new List<string>();
        foreach (var table in manifest.Map?.Tables ?? [])
        {
            if (table.CriticalFailures.Count > 0)
                lines.Add($"  {table.TableId}: {string.Join("; ", table.CriticalFailures.Take(10))}{(table.CriticalFailures.Count > 10 ? " …" : "")}");
            var extract = manifest.Extract?.Sources.FirstOrDefault(s => s.SourceId == table.SourceId);
            if (standard.FindTable(table.TableId)?.Critical == true && extract is { Rejected: > 0 })
                lines.Add($"  {table.TableId}: {extract.Rejected} record(s) of {extract.File} could not be read (see rejects/{extract.SourceId}.extract.jsonl)");
        }
        if (lines.Count == 0) return;
        throw MigrateException.DataError(
            "critical records (支援措置) could not be mapped, so nothing was loaded. Fix the mapping or the data for these records (details in rejects/):"
            + Environment.NewLine + string.Join(Environment.NewLine, lines));
    }
}
