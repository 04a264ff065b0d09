using System.Security.Cryptography;
using Migrate.Core.Manifests;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>
/// One rejects file as <c>migrate verify</c> found it: what the manifest records (records, SHA-256)
/// and what the file holds now (null when it is missing).
/// </summary>
public sealed record FileVerification(string File, long RecordedRecords, string RecordedSha256, long? Records, string? Sha256)
{
    public bool Ok => Records == RecordedRecords && string.Equals(Sha256, RecordedSha256, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The rejects files of a work directory against the manifest: every record the run could not take is
/// in them (with its reasons), so a truncated or edited one loses the account of a rejected record.
/// Manifests of an older migrate do not record them; those files are not checked.
/// </summary>
internal static class RejectsFilesCheck
{
    public static IReadOnlyList<FileVerification> Verify(WorkDirectory work, Manifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(manifest);
        var recorded = (manifest.Extract?.Sources.Select(s => s.Rejects) ?? [])
            .Concat(manifest.Map?.Tables.Select(t => t.Rejects) ?? [])
            .OfType<StageFile>();
        return [.. recorded.Select(file => Verify(work, file, cancellationToken))];
    }

    private static FileVerification Verify(WorkDirectory work, StageFile recorded, CancellationToken cancellationToken)
    {
        var path = Path.Combine(work.Root, recorded.File);
        if (!File.Exists(path)) return new FileVerification(recorded.File, recorded.Records, recorded.Sha256, null, null);
        // JSON Lines: one line per reject (a value's own line breaks are escaped in JSON).
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = buffer.AsSpan(0, read);
            hash.AppendData(chunk);
            lines += chunk.Count((byte)'\n');
        }
        return new FileVerification(recorded.File, recorded.Records, recorded.Sha256, lines, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
