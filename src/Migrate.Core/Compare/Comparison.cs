using Migrate.Core.Report;

namespace Migrate.Core.Compare;

/// <summary>One municipality's report as it enters a comparison.</summary>
public sealed record ComparedMunicipality(string Label, string Vendor, string StandardId, string StandardVersion, int Findings, string ReportPath)
{
    /// <summary>全国地方公共団体コード, from the mapping or overlay (<c>municipality</c>).</summary>
    public string? Code { get; init; }

    /// <summary>The municipality's name, from the mapping or overlay (<c>municipality_name</c>).</summary>
    public string? Name { get; init; }
}

/// <summary>How one municipality decided a recurring customization.</summary>
public sealed record MunicipalityDecision(string Municipality, Disposition Disposition, string? Reason);

/// <summary>One customization (finding ID) across municipalities.</summary>
public sealed record ComparedFinding(
    string Id,
    FindingCategory Category,
    string Title,
    int Municipalities,
    long TotalCount,
    bool Recurring,
    IReadOnlyDictionary<string, int> ByDisposition,
    IReadOnlyList<MunicipalityDecision> Decisions)
{
    /// <summary>The vendors whose systems have this customization.</summary>
    public IReadOnlyList<string> Vendors { get; init; } = [];

    /// <summary>The finding ids grouped here (several when vendors name the same meaning differently).</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];
}

/// <summary>
/// The cross-municipality view (typically municipalities sharing one vendor package): which
/// customizations recur and where, which are local, and how each was decided. Recurring ones that
/// some municipality justified or proposed are the candidates to feed back into the standard.
/// </summary>
public sealed record Comparison
{
    public int SchemaVersion { get; init; } = 1;
    public required IReadOnlyList<ComparedMunicipality> Municipalities { get; init; }
    public required IReadOnlyList<ComparedFinding> Findings { get; init; }
    public required int Recurring { get; init; }
    public required int Unique { get; init; }
    public required IReadOnlyList<string> FeedbackCandidates { get; init; }
}
