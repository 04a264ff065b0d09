using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Manifests;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>One table as verified: what the target holds, what the mapped file holds, and the source balance.</summary>
public sealed record TableVerification(
    string TableId,
    long TargetRows,
    string TargetChecksum,
    long MappedRows,
    string MappedChecksum,
    long Read,
    long Rejected,
    long Filtered,
    bool Matches,
    bool Balanced)
{
    public bool Ok => Matches && Balanced;
}

public sealed record Verification(string Target, bool Ok, IReadOnlyList<TableVerification> Tables)
{
    /// <summary>The rejects files the manifest records, as found (see <see cref="RejectsFilesCheck"/>).</summary>
    public IReadOnlyList<FileVerification> Files { get; init; } = [];
}

/// <summary>
/// <c>migrate verify</c>: recomputes, from the target, each table's row count and order-independent
/// checksum and compares them with the mapped files (recomputed, not taken from the manifest) and
/// with the source counts (read = in the target + rejected + filtered). Before that, the manifest's
/// own counts must add up (<see cref="ManifestArithmetic"/>), and the mapped and rejects files must
/// be the ones the manifest records. Read-only on both sides.
/// </summary>
public static class TargetVerifier
{
    public static async Task<Verification> VerifyAsync(MigrationSession session, Manifest manifest, ITarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(target);
        // Everything below is compared with the manifest's counts: they must add up first.
        if (ManifestArithmetic.Problems(manifest) is { Count: > 0 } problems)
            throw MigrateException.DataError($"{session.Work.ManifestPath}: the counts do not add up, so nothing was compared with them (was the manifest edited?): {string.Join("; ", problems)}");
        var files = RejectsFilesCheck.Verify(session.Work, manifest, cancellationToken);
        var inputs = MappedInputs.Read(session, manifest, cancellationToken);
        var held = await target.ReadBackAsync(session.Standard, cancellationToken)
            ?? throw MigrateException.DataError($"{target.Description} holds no tables of standard {session.Standard.Id}; nothing was loaded there");
        var balance = MigrationRunner.Reconcile(manifest, new LoadStage(DateTimeOffset.UtcNow, target.Description, held, 0));
        var tables = new List<TableVerification>();
        foreach (var input in inputs)
        {
            var expected = input.Expected!;
            var actual = held.FirstOrDefault(t => t.TableId == expected.TableId) ?? new TableLoad(expected.TableId, 0, "");
            var sum = balance.Tables.First(b => b.TableId == expected.TableId);
            tables.Add(new TableVerification(expected.TableId, actual.Loaded, actual.Checksum, expected.Loaded, expected.Checksum,
                sum.Read, sum.Rejected, sum.Filtered, actual.Loaded == expected.Loaded && actual.Checksum == expected.Checksum, sum.Balanced));
        }
        return new Verification(target.Description, tables.All(t => t.Ok) && files.All(f => f.Ok), tables) { Files = files };
    }

    /// <summary>Fails (exit 3) naming every table and rejects file that does not verify.</summary>
    public static void ThrowIfFailed(Verification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        if (verification.Ok) return;
        var bad = verification.Tables.Where(t => !t.Ok).Select(t => !t.Matches
            ? (t.TargetRows != t.MappedRows
                ? $"{t.TableId}: the target holds {t.TargetRows} rows, the mapped file has {t.MappedRows}"
                : $"{t.TableId}: {t.TargetRows} rows in both, but their contents differ (checksum {t.TargetChecksum} in the target, {t.MappedChecksum} in the mapped file)")
            : $"{t.TableId}: read {t.Read} ≠ in the target {t.TargetRows} + rejected {t.Rejected} + filtered {t.Filtered}")
            .Concat(verification.Files.Where(f => !f.Ok).Select(f => f.Records is null
                ? $"{f.File}: the rejects file is missing (the manifest records {f.RecordedRecords} rejects in it)"
                : f.Records != f.RecordedRecords
                    ? $"{f.File}: the rejects file holds {f.Records} records, the manifest records {f.RecordedRecords}: it was truncated or changed after it was written"
                    : $"{f.File}: the rejects file's SHA-256 differs from the one the manifest records: it was changed after it was written"));
        throw MigrateException.DataError($"{verification.Target} does not match the work directory: " + string.Join("; ", bad));
    }
}
