namespace Migrate.Core.Integrity;

/// <summary>
/// Something the run would lose about a protected (支援措置) person, or a record whose person cannot
/// be told. It names a file and line, never the person: even a 宛名番号 listed as protected tells a
/// reader who is under 支援措置.
/// </summary>
/// <param name="Kind">One of the <see cref="IntegrityKinds"/>.</param>
/// <param name="ByteOffset">Where the record starts in its file, as rejects record it.</param>
public sealed record IntegrityViolation(string Kind, string File, long Line, long ByteOffset, string Reason)
{
    /// <summary>FILE:LINE, as <c>--accept-critical-reject</c> takes it.</summary>
    public string Location => $"{File}:{Line}";

    public override string ToString() => $"{Location}: {Reason}";
}

/// <summary>The kinds of <see cref="IntegrityViolation"/>.</summary>
internal static class IntegrityKinds
{
    /// <summary>A record of a protected person was rejected at extract or map.</summary>
    public const string ProtectedRejected = "protected-rejected";

    /// <summary>A record of a protected person was filtered by a rule of the mapping.</summary>
    public const string ProtectedFiltered = "protected-filtered";

    /// <summary>A row of a critical table names a person the person table does not have.</summary>
    public const string OrphanCriticalRow = "orphan-critical-row";

    /// <summary>A record rejected at extract whose person key could not be read from its bytes.</summary>
    public const string KeyUnrecoverable = "key-unrecoverable";
}
