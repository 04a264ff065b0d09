namespace Migrate.Core.Map;

/// <summary>What mapping one standard table produced. <see cref="Read"/> counts staged records of its source.</summary>
public sealed record TableMapResult(
    string TableId,
    string SourceId,
    long Read,
    long Mapped,
    long Rejected,
    IReadOnlyDictionary<string, long> Filtered,
    IReadOnlyDictionary<string, long> RejectsByReason,
    IReadOnlyDictionary<string, long> RejectsByReasonAndItem,
    IReadOnlyList<string> CriticalFailures,
    string MappedFile,
    string MappedSha256,
    double Seconds)
{
    /// <summary>What each join of the table found (orphans on both sides, duplicate keys).</summary>
    public IReadOnlyList<Joins.JoinResult> Joins { get; init; } = [];

    /// <summary>The table's map rejects file as written (null in manifests of an older migrate).</summary>
    public Work.StageFile? Rejects { get; init; }
}
