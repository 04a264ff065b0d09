using Migrate.Core.Manifests;
using Migrate.Core.Work;

namespace Migrate.Core.Report;

/// <summary>
/// DIR/report/report.json: every customization found with its disposition, rejects by reason and the
/// reconciliation. Same inputs give the same body; only run id and time differ between runs.
/// </summary>
public sealed record MigrationReport
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string RunId { get; init; }
    public required string ToolVersion { get; init; }
    public required string Vendor { get; init; }
    public string? Municipality { get; init; }
    public string? MunicipalityName { get; init; }
    public required string StandardId { get; init; }
    public required string StandardName { get; init; }
    public required string StandardVersion { get; init; }
    public required string MappingSha256 { get; init; }
    public required ReportSummary Summary { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required IReadOnlyList<RejectSummary> Rejects { get; init; }
    public Reconciliation? Reconciliation { get; init; }

    /// <summary>支援措置 persons: how many, what the run would have lost of them, and what the operator accepted.</summary>
    public ProtectionSummary? Protection { get; init; }

    /// <summary>Legacy files or tables that held no records (a municipality may have no 支援措置 rows; an empty resident file fails the run).</summary>
    public IReadOnlyList<string> EmptySources { get; init; } = [];
    public required IReadOnlyList<TableInfo> Tables { get; init; }
    public required IReadOnlyList<string> NotChecked { get; init; }

    /// <summary>The decisions file applied, if any.</summary>
    public string? DecisionsFile { get; init; }

    /// <summary>Where to record decisions (the work directory's decisions.xlsx) and the command that applies them.</summary>
    public DecisionsGuide? HowToDecide { get; init; }

    /// <summary>Decisions that refer to findings that no longer exist.</summary>
    public IReadOnlyList<StaleDecision> StaleDecisions { get; init; } = [];
}

/// <summary>A standard table's names, so renderers need not load the standard again.</summary>
public sealed record TableInfo(string Id, string Name, string English, bool Critical);

/// <param name="Accepted">Integrity problems loaded anyway with <c>--accept-critical-reject</c> (file and line, never the person).</param>
public sealed record ProtectionSummary(long ProtectedPersons, long Violations, IReadOnlyList<Integrity.IntegrityViolation> Accepted);
