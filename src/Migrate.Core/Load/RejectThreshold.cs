using System.Globalization;
using Migrate.Core.Diagnostics;
using Migrate.Core.Work;

namespace Migrate.Core.Load;

/// <summary>
/// <c>--max-rejects N</c> or <c>--max-rejects P%</c>: more rejected records than this (at extract
/// and map, over the whole run) fail the run before anything is loaded, so a badly broken export
/// never reaches the production database.
/// </summary>
public sealed record RejectThreshold(string Text, long? Count, decimal? Percent)
{
    public static RejectThreshold Default { get; } = Parse("5%");

    public static RejectThreshold Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.EndsWith('%')
            && decimal.TryParse(trimmed[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            && percent <= 100)
            return new RejectThreshold(trimmed, null, percent);
        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            return new RejectThreshold(trimmed, count, null);
        throw MigrateException.Usage($"--max-rejects {text}: give a number of records (e.g. 10) or a percentage of the records read (e.g. 2.5%)");
    }

    /// <summary>Fails (exit 3) when the manifest's extract and map stages rejected more records than allowed.</summary>
    public void ThrowIfExceeded(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var read = manifest.Extract?.Sources.Sum(s => s.Records) ?? 0;
        var rejected = (manifest.Extract?.Sources.Sum(s => s.Rejected) ?? 0) + (manifest.Map?.Tables.Sum(t => t.Rejected) ?? 0);
        var exceeded = Count is { } max ? rejected > max : rejected * 100m > Percent!.Value * read;
        if (!exceeded) return;
        var share = read == 0 ? 0 : Math.Round(rejected * 100m / read, 2);
        var perTable = manifest.Map?.Tables.Select(t => $"{t.TableId} {t.Rejected}") ?? [];
        throw MigrateException.DataError(
            $"{rejected} of {read} records were rejected ({share.ToString(CultureInfo.InvariantCulture)}%), more than --max-rejects {Text} allows; nothing was loaded. "
            + $"Rejected at map per table: {string.Join(", ", perTable)}; see rejects/ and the report");
    }
}
