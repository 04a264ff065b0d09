using System.Globalization;
using Migrate.Core.Diagnostics;

namespace Migrate.Core.Load;

/// <summary>
/// <c>--max-rejects N</c> or <c>--max-rejects P%</c>, per table: a table with more records rejected
/// (at extract and map) than this fails the run before anything is loaded, so a badly broken export
/// never reaches the production database. Without the option, <see cref="Default"/> applies;
/// <c>--max-rejects 100%</c> turns the rule off.
/// </summary>
public sealed record RejectThreshold(string Text, long? Count, decimal? Percent)
{
    /// <summary>5% of a table's records: a mapping or export that loses more than that is wrong, not unlucky.</summary>
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
        throw MigrateException.Usage($"--max-rejects {text}: give a number of records (e.g. 10) or a percentage of each table's records (e.g. 2.5%)");
    }

    /// <summary>Whether <paramref name="rejected"/> of <paramref name="read"/> records are more than allowed.</summary>
    public bool IsExceeded(long rejected, long read) =>
        Count is { } max ? rejected > max : rejected * 100m > Percent!.Value * read;

    /// <summary>The refusal line for a table, or null when it is within the threshold.</summary>
    public string? Check(string tableId, long rejected, long read)
    {
        if (!IsExceeded(rejected, read)) return null;
        var share = read == 0 ? 0 : Math.Round(rejected * 100m / read, 2);
        return $"{tableId}: {rejected} of {read} records were rejected ({share.ToString(CultureInfo.InvariantCulture)}%), more than --max-rejects {Text} allows";
    }
}
