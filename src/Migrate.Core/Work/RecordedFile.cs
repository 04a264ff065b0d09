using System.Globalization;
using Migrate.Core.Diagnostics;

namespace Migrate.Core.Work;

/// <summary>
/// What the manifest says an earlier stage wrote to <paramref name="Path"/> (a full path): the record
/// count and SHA-256 a later stage checks the file against as it reads it (<see cref="RecordedFileStream"/>),
/// so a staging or mapped file truncated or edited after it was written is refused, not trusted.
/// </summary>
/// <param name="WrittenBy">The command that wrote the file (<c>extract</c>, <c>map</c>), to run again.</param>
public sealed record RecordedFile(string Path, long Records, string Sha256, string WrittenBy)
{
    /// <summary>Fails (exit 3) naming the file when what was read is not what the manifest records.</summary>
    public void ThrowIfDiffers(long records, string sha256)
    {
        if (records != Records)
            throw MigrateException.DataError(string.Create(CultureInfo.InvariantCulture,
                $"{Path}: the file holds {records:N0} records where the manifest records {Records:N0} from 'migrate {WrittenBy}': it was truncated or changed after it was written, so it was not used; run 'migrate {WrittenBy}' again (do not edit the work directory's files by hand)"));
        if (!string.Equals(sha256, Sha256, StringComparison.OrdinalIgnoreCase))
            throw MigrateException.DataError(
                $"{Path}: its SHA-256 ({Short(sha256)}) is not the one the manifest records from 'migrate {WrittenBy}' ({Short(Sha256)}): it was changed after it was written, so it was not used; run 'migrate {WrittenBy}' again (do not edit the work directory's files by hand)");
    }

    private static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] + "…" : sha256;
}
