using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Manifests;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>
/// The load stage: refuses before touching the target when critical records were rejected or
/// --max-rejects is exceeded, loads in one transaction checked against the mapped files' checksums,
/// and records the load in the manifest. A load in progress is marked in the manifest so that
/// <c>load --resume</c> can finish it after the process was killed.
/// </summary>
internal sealed class LoadStep(MigrationSession session, IStageProgress progress)
{
    public async Task<Manifest> LoadAsync(Manifest manifest, ITarget target, LoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        if (manifest.Map is null) throw MigrateException.Usage($"{session.Work.ManifestPath}: nothing mapped yet; run 'migrate map' first");
        var accepted = OutcomeRules.ThrowIfRefused(manifest, session.Standard, options);
        manifest = manifest with { AcceptedCriticalRejects = accepted };
        // The target checksums each mapped file as it sends it and compares the tables with that before
        // commit; the file itself is checked against the manifest (records, SHA-256) in the same pass.
        var inputs = MappedInputs.Read(session, manifest, cancellationToken, checksums: false);

        await TargetGuard.RefuseNonEmptyAsync(target, session.Standard, options.Replace, cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Save(manifest with { PendingLoad = new PendingLoad(target.Description, options.Replace, DateTimeOffset.UtcNow) });
        var bar = progress.Start($"load {target.Description}", manifest.Map.Tables.Sum(t => t.Mapped));
        var loads = await target.LoadAsync(session.Standard, inputs, options, bar, cancellationToken);
        return Complete(manifest, target, loads, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Finishes an interrupted load. Loads are one transaction, so the target holds either the old
    /// rows or all the new ones: when it already holds exactly the mapped rows (the commit happened
    /// but the manifest was not written) the load is recorded, otherwise it runs again with the
    /// interrupted load's --replace.
    /// </summary>
    public async Task<Manifest> ResumeAsync(Manifest manifest, ITarget target, LoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        if (manifest.PendingLoad is null && manifest.Load is null) return await LoadAsync(manifest, target, options, cancellationToken);

        var inputs = MappedInputs.Read(session, manifest, cancellationToken);
        var held = await target.ReadBackAsync(session.Standard, cancellationToken);
        if (held is not null && TableComparison.Differences(inputs.Select(i => i.Expected!), held).Count == 0)
        {
            progress.Info($"{target.Description} already holds every mapped row; nothing to load");
            return manifest.PendingLoad is null ? manifest : Complete(manifest, target, held, 0);
        }
        if (manifest.PendingLoad is not { } pending)
            throw MigrateException.DataError(
                $"the load recorded in {session.Work.ManifestPath} finished, but {target.Description} no longer holds the mapped rows (see 'migrate verify'); load again with --replace to overwrite it");
        return await LoadAsync(manifest, target, options with { Replace = options.Replace || pending.Replace }, cancellationToken);
    }

    /// <summary>Records a finished load in the manifest, with the reconciliation.</summary>
    internal Manifest Complete(Manifest manifest, ITarget target, IReadOnlyList<TableLoad> loads, double seconds)
    {
        var load = new LoadStage(DateTimeOffset.UtcNow, target.Description, loads, seconds);
        var done = manifest with { Load = load, Reconciliation = MigrationRunner.Reconcile(manifest, load), PendingLoad = null };
        Save(done);
        return done;
    }

    private void Save(Manifest manifest) => Json.Write(session.Work.ManifestPath, manifest);
}
