namespace Migrate.Core.Integrity;

/// <summary>
/// Follows persons through one map stage, record by record, so that losing a protected (支援措置)
/// person is found without a second pass over the data. Only the few keys that matter are kept:
/// protected persons, lost records' persons and the persons named by critical tables (critical
/// tables are mapped first, so the person table's rows are checked against them as they pass).
/// </summary>
internal sealed class PersonLedger
{
    /// <summary>Violations listed in the manifest; the count covers all of them.</summary>
    public const int MaxListed = 200;

    private readonly HashSet<string> _protected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string File, long Line, long Offset, string Reason, bool Filtered)>> _lost = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string File, long Line, long Offset)> _named = new(StringComparer.Ordinal);
    private readonly HashSet<string> _namedSeen = new(StringComparer.Ordinal);
    private readonly List<IntegrityViolation> _unrecoverable = [];

    /// <summary>A record carries a critical item (支援措置対象フラグ): its person is protected.</summary>
    public void Flagged(string? person)
    {
        if (PersonKey.Normalize(person) is { } key) _protected.Add(key);
    }

    /// <summary>A row of a critical table names this person, who is protected and must be loaded.</summary>
    public void Named(string? person, string file, long line, long offset)
    {
        if (PersonKey.Normalize(person) is not { } key) return;
        _protected.Add(key);
        _named.TryAdd(key, (file, line, offset));
    }

    /// <summary>A row of the person table (loaded or not): its person exists in the export.</summary>
    public void Seen(string? person)
    {
        // Called for every row of the person table: looked up by span, so no key string is made per row.
        if (_named.Count == 0 || person is null) return;
        var key = PersonKey.Normalize(person.AsSpan());
        if (!key.IsEmpty && _named.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(key)) _namedSeen.Add(key.ToString());
    }

    /// <summary>A record that will not be loaded (rejected or filtered), with where it was and why.</summary>
    public void Lost(string? person, string file, long line, long offset, string reason, bool filtered = false)
    {
        if (PersonKey.Normalize(person) is not { } key) return;
        if (!_lost.TryGetValue(key, out var losses)) _lost[key] = losses = [];
        losses.Add((file, line, offset, reason, filtered));
    }

    /// <summary>A rejected record whose person could not be read: it may have been a protected person.</summary>
    public void Unrecoverable(string file, long line, long offset, string reason) =>
        _unrecoverable.Add(new IntegrityViolation(IntegrityKinds.KeyUnrecoverable, file, line, offset,
            $"rejected ({reason}) and its person number cannot be read, so it may be a 支援措置 person"));

    public IntegritySummary Summarize()
    {
        var violations = new List<IntegrityViolation>();
        foreach (var (key, losses) in _lost)
        {
            if (!_protected.Contains(key)) continue;
            foreach (var (file, line, offset, reason, filtered) in losses)
                violations.Add(new IntegrityViolation(filtered ? IntegrityKinds.ProtectedFiltered : IntegrityKinds.ProtectedRejected, file, line, offset,
                    $"a record of a 支援措置 person is {(filtered ? "filtered" : "rejected")} ({reason})"));
        }
        foreach (var (key, (file, line, offset)) in _named)
        {
            if (!_namedSeen.Contains(key))
                violations.Add(new IntegrityViolation(IntegrityKinds.OrphanCriticalRow, file, line, offset,
                    "a 支援措置 row names a person number that no resident record has"));
        }
        violations.AddRange(_unrecoverable);
        var ordered = violations.OrderBy(v => v.File, StringComparer.Ordinal).ThenBy(v => v.Line).ThenBy(v => v.Kind, StringComparer.Ordinal).ToList();
        return new IntegritySummary(_protected.Count, ordered.Count, ordered.Count > MaxListed ? ordered[..MaxListed] : ordered);
    }
}
