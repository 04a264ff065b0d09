using Migrate.Core.Extract;
using Migrate.Core.Map;
using Migrate.Core.Transforms;

namespace Migrate.Core.Manifests;

/// <summary>
/// DIR/manifest.json: what ran with which inputs, and the counts every stage produced. It holds
/// checksums and counts only (no personal values, no credentials), so it can be shared for audit.
/// </summary>
public sealed record Manifest
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string RunId { get; init; }
    public required string ToolVersion { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required MappingInfo Mapping { get; init; }
    public required StandardInfo Standard { get; init; }
    public string? SourceDirectory { get; init; }
    public ExtractStage? Extract { get; init; }
    public MapStage? Map { get; init; }
    public LoadStage? Load { get; init; }
    /// <summary>Set when a load starts and cleared when it commits: a load the process did not finish, for <c>load --resume</c>.</summary>
    public PendingLoad? PendingLoad { get; init; }
    public Reconciliation? Reconciliation { get; init; }

    /// <summary>Integrity violations the operator acknowledged (<c>--accept-critical-reject FILE:LINE</c>) for the load recorded here.</summary>
    public IReadOnlyList<Integrity.IntegrityViolation> AcceptedCriticalRejects { get; init; } = [];
}

public sealed record MappingInfo(string Path, string Sha256, string Vendor, string? Municipality);

public sealed record StandardInfo(string Id, string Version, string Path, string Sha256);

public sealed record ExtractStage(DateTimeOffset FinishedAt, IReadOnlyList<ExtractResult> Sources, IReadOnlyList<string> UnlistedFiles)
{
    /// <summary>Tables of the legacy databases that no source reads (names only; schema.table outside the default schema).</summary>
    public IReadOnlyList<string> UnlistedTables { get; init; } = [];
}

/// <summary>Per legacy column: how many staged records carry a value in it, and whether the mapping uses it.</summary>
public sealed record ColumnUsage(string Column, long NonEmpty, bool Used);

public sealed record SourceUsage(string SourceId, string File, long Records, IReadOnlyList<ColumnUsage> Columns);

public sealed record CodeObservation(string Item, string CodeTable, string Legacy, string? Standard, CodeConversion Conversion, long Count);

public sealed record GaijiObservation(string Item, string Code, int CodePoint, Mapping.GaijiResolution Resolution, long Count);

public sealed record LossyObservation(string Item, string Kind, long Count);

/// <summary>A character outside JIS X 0208/0213 in loaded values of an item: its code point and how often.</summary>
public sealed record CharacterObservation(string Item, int CodePoint, long Count);

public sealed record MapStage(
    DateTimeOffset FinishedAt,
    IReadOnlyList<TableMapResult> Tables,
    IReadOnlyList<SourceUsage> Sources,
    IReadOnlyList<CodeObservation> Codes,
    IReadOnlyList<GaijiObservation> Gaiji,
    IReadOnlyList<LossyObservation> Lossy)
{
    /// <summary>Protected (支援措置) persons and what the run would lose of them; null in manifests written before it existed.</summary>
    public Integrity.IntegritySummary? Integrity { get; init; }

    /// <summary>Characters outside JIS X 0208/0213 in loaded values; empty in manifests written before it existed.</summary>
    public IReadOnlyList<CharacterObservation> OutsideJis { get; init; } = [];
}

public sealed record TableLoad(string TableId, long Loaded, string Checksum);

/// <summary>A load that started: where to (without credentials), whether it replaced the tables, and when.</summary>
public sealed record PendingLoad(string Target, bool Replace, DateTimeOffset StartedAt);

public sealed record LoadStage(DateTimeOffset FinishedAt, string Target, IReadOnlyList<TableLoad> Tables, double Seconds);

/// <summary>Per table: read = loaded + rejected + filtered must hold, or the run fails.</summary>
public sealed record TableBalance(string TableId, long Read, long Loaded, long Rejected, long Filtered, bool Balanced);

public sealed record Reconciliation(bool Balanced, IReadOnlyList<TableBalance> Tables);
