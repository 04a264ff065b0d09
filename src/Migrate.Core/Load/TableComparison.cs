using Migrate.Core.Manifests;
using Migrate.Core.Work;

namespace Migrate.Core.Load;

/// <summary>Compares what a target holds with what the mapped files say it should hold, table by table.</summary>
public static class TableComparison
{
    /// <summary>One line per table that differs, naming the table (counts and checksums only, never values).</summary>
    public static IReadOnlyList<string> Differences(IEnumerable<TableLoad> expected, IReadOnlyList<TableLoad> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var lines = new List<string>();
        foreach (var want in expected)
        {
            var have = actual.FirstOrDefault(t => t.TableId == want.TableId);
            if (have is null)
                lines.Add($"{want.TableId}: not found in the target");
            else if (have.Loaded != want.Loaded)
                lines.Add($"{want.TableId}: the target holds {have.Loaded} rows, the mapped file has {want.Loaded}");
            else if (have.Checksum != want.Checksum)
                lines.Add($"{want.TableId}: same row count ({have.Loaded}) but the rows differ (checksum {have.Checksum} in the target, {want.Checksum} in the mapped file)");
        }
        return lines;
    }
}
