namespace Migrate.Core.Rejects;

internal sealed record RejectReason(string Code, string Message, string? Item, string? Column);

/// <summary>
/// A record that could not be taken, kept as it was read with where it came from and every reason
/// found (not only the first). Rejects files hold personal data and are written owner-only.
/// </summary>
internal sealed record RejectRecord(
    string Stage,
    string Source,
    string File,
    long Line,
    long ByteOffset,
    IReadOnlyList<RejectReason> Reasons,
    IReadOnlyDictionary<string, string?>? Record = null,
    string? RawHex = null,
    string? Key = null);
