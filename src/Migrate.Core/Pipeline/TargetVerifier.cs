using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
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

public sealed record Verification(string Target, bool Ok, IReadOnlyList<TableVerification> Tables);

/// <summary>
/// <c>migrate verify</c>: recomputes, from the target, each table's row count and order-independent
/// checksum and compares them with the mapped files (recomputed, not taken from the manifest) and
/// with the source counts (read = in the target + rejected + filtered). Read-only on both sides.
/// </summary>
public static class TargetVerifier
{
    public static async Task<Verification> VerifyAsync(MigrationSession session, Manifest manifest, ITarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(target);
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
        return new Verification(target.Description, tables.All(t => t.Ok), tables);
    }

    /// <summary>Fails (exit 3) naming every table that does not verify.</summary>
    public static void ThrowIfFailed(Verification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        if (verification.Ok) return;
        var bad = verification.Tables.Where(t => !t.Ok).Select(t => !t.Matches
            ? (t.TargetRows != t.MappedRows
                ? $"{t.TableId}: the target holds {t.TargetRows} rows, the mapped file has {t.MappedRows}"
                : $"{t.TableId}: {t.TargetRows} rows in both, but their contents differ (checksum {t.TargetChecksum} in the target, {t.MappedChecksum} in the mapped file)")
            : $"{t.TableId}: read {t.Read} ≠ in the target {t.TargetRows} + rejected {t.Rejected} + filtered {t.Filtered}");
        throw MigrateException.DataError($"{verification.Target} does not match the work directory: " + string.Join("; ", bad));
    }
}
