using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Manifests;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>
/// The mapped files of a work directory as load inputs, each with the row count and checksum the
/// target must end up holding. A mapped file changed since 'migrate map' is refused: the manifest's
/// counts would no longer describe it. Each file is checked (record count, SHA-256) as it is read,
/// by the load or the checksum below, not by a read of its own (<see cref="LoadInput.Recorded"/>).
/// </summary>
internal static class MappedInputs
{
    /// <param name="checksums">
    /// False to leave <see cref="LoadInput.Expected"/> unset: a load checksums each mapped file while
    /// sending it, in the same pass, so it needs only the check that the files are unchanged.
    /// </param>
    public static IReadOnlyList<LoadInput> Read(MigrationSession session, Manifest manifest, CancellationToken cancellationToken, bool checksums = true)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Map is null) throw MigrateException.Usage($"{session.Work.ManifestPath}: nothing mapped yet; run 'migrate map' first");
        if (manifest.Standard.Id != session.Standard.Id || manifest.Standard.Version != session.Standard.Version)
            throw MigrateException.Usage($"{session.Work.ManifestPath}: the work directory was made for standard {manifest.Standard.Id} {manifest.Standard.Version}, not {session.Standard.Id} {session.Standard.Version}");
        var inputs = new List<LoadInput>();
        foreach (var table in manifest.Map.Tables)
        {
            var standardTable = session.Standard.FindTable(table.TableId)
                ?? throw MigrateException.Usage($"{session.Work.ManifestPath}: table '{table.TableId}' is not in standard {session.Standard.Id} {session.Standard.Version}");
            var recorded = RecordedFiles.Mapped(session.Work, table);
            var input = new LoadInput(standardTable, recorded.Path) { Recorded = recorded };
            inputs.Add(checksums ? input with { Expected = MappedChecksum.Compute(input, cancellationToken) } : input);
        }
        return inputs;
    }
}
