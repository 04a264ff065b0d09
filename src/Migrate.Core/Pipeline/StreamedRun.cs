using System.Diagnostics;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Manifests;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>
/// <c>migrate run</c> with its stages at once: the extractor, the mapper and the target each run on
/// their own thread, joined by record streams (<see cref="StageHandoffs"/>: the staged records as
/// the extractor's strings, the mapped records as the UTF-8 their file is written from), so a run
/// takes about as long as its slowest stage instead of the sum of all three. The staging and mapped
/// files are sinks beside the streams, written in full, byte for byte as the stages run one by one
/// write them, and the manifest is the same.
/// </summary>
/// <remarks>
/// What a separate load checks before it starts (<see cref="OutcomeRules"/>) is checked here once
/// mapping is complete and the target has written and verified every table, before this run commits
/// it (<see cref="IPreparedLoad"/>): the load is one transaction, so a refused run leaves the target
/// exactly as it was. When any stage fails, the others are stopped and the first failure is reported.
/// </remarks>
internal sealed class StreamedRun(MigrationSession session, IStageProgress progress)
{
    /// <returns>The manifest after mapping (null if mapping did not finish) and the failure, if any.</returns>
    public async Task<(Manifest? Mapped, Exception? Failure)> RunAsync(LegacySources sources, ITarget target, LoadOptions options, CancellationToken cancellationToken)
    {
        // Tables are mapped critical ones first (Map.MapOrder); the target reads them in that order too.
        var order = Map.MapOrder.Tables(session.Mapping, session.Standard);
        var plan = StreamPlan.For(session.Mapping, order);
        var work = session.Work;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var handoffs = new StageHandoffs(stop.Token);
        foreach (var id in plan.StreamedSources) handoffs.AddStaged(id);
        var runner = new MigrationRunner(session, progress) { Handoffs = handoffs };
        runner.CheckSources(sources);
        await TargetGuard.RefuseNonEmptyAsync(target, session.Standard, options.Replace, cancellationToken);
        // Everything that can be refused is refused before any stage starts.
        var inputs = order.Select(t =>
        {
            var table = session.Standard.FindTable(t.TableId)
                ?? throw MigrateException.Usage($"{t.Position}: table '{t.TableId}' is not in standard {session.Standard.Id} {session.Standard.Version}");
            return new LoadInput(table, work.MappedFile(t.TableId)) { Handoff = handoffs.AddMapped(t.TableId, table.Items.Count) };
        }).ToList();
        work.Create();

        var extracted = session.Mapping.Sources.Keys.ToDictionary(id => id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), StringComparer.Ordinal);
        var extract = OnOwnThread(() => runner.ExtractInOrderAsync(sources, plan, id => extracted[id].TrySetResult(), stop.Token), stop);
        var map = OnOwnThread(() => runner.MapStreamedAsync(extract,
            (table, token) => Task.WhenAll(plan.WaitsFor(table).Select(id => extracted[id].Task)).WaitAsync(token), stop.Token), stop);
        var clock = Stopwatch.StartNew();
        // The row total is not known until mapping ends.
        var bar = progress.Start($"load {target.Description}", 0);
        var load = OnOwnThread(() => target.PrepareLoadAsync(session.Standard, inputs, options, bar, stop.Token), stop);

        try
        {
            await Task.WhenAll(extract, map, load);
        }
        catch (Exception) when (FirstFailure(extract, map, load) is not null)
        {
            // Examined below: the first stage's own failure, not the cancellations it caused.
        }
        if (FirstFailure(extract, map, load) is { } failure)
        {
            if (load.IsCompletedSuccessfully) await load.Result.DisposeAsync();
            return (map.IsCompletedSuccessfully ? map.Result : null, failure);
        }

        await using var prepared = load.Result;
        var mapped = map.Result;
        Manifest pending;
        try
        {
            var accepted = OutcomeRules.ThrowIfRefused(mapped, session.Standard, options);
            // Marked before the commit, as a separate load marks it before it starts: load --resume
            // can then tell whether a load the process did not finish was committed.
            pending = mapped with
            {
                PendingLoad = new PendingLoad(target.Description, options.Replace, DateTimeOffset.UtcNow),
                AcceptedCriticalRejects = accepted,
            };
            runner.Save(pending);
            await prepared.CommitAsync(cancellationToken);
        }
        catch (Exception refused)
        {
            return (mapped, refused);
        }
        // Recorded in the mapping's order, as a separate load records them.
        var loads = session.Mapping.Tables.Select(t => prepared.Tables.First(l => l.TableId == t.TableId)).ToList();
        var done = new LoadStep(session, progress).Complete(pending, target, loads, clock.Elapsed.TotalSeconds);
        return (done, null);
    }

    /// <summary>Runs a stage on a thread of its own (its loop blocks on the handoffs); a failure stops the other stages.</summary>
    private static Task<T> OnOwnThread<T>(Func<Task<T>> stage, CancellationTokenSource stop) =>
        Task.Factory.StartNew(async () =>
        {
            try
            {
                return await stage();
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    /// <summary>The first stage failure that is not a cancellation caused by another; a cancellation when that is all there is.</summary>
    private static Exception? FirstFailure(params Task[] stages)
    {
        Exception? cancelled = null;
        foreach (var stage in stages)
        {
            if (stage.IsFaulted && stage.Exception!.InnerException is { } e)
            {
                if (e is not OperationCanceledException) return e;
                cancelled ??= e;
            }
            else if (stage.IsCanceled)
            {
                cancelled ??= new OperationCanceledException();
            }
        }
        return cancelled;
    }
}
