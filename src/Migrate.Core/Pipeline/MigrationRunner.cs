using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Extract.Database;
using Migrate.Core.Load;
using Migrate.Core.Manifests;
using Migrate.Core.Map;
using Migrate.Core.Mapping;
using Migrate.Core.Report;
using Migrate.Core.Report.Decisions;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>
/// Runs the stages over one work directory. Each stage reads what the previous one wrote (and the
/// manifest), so stages can run alone or together with the same result.
/// </summary>
public sealed class MigrationRunner(MigrationSession session, IStageProgress progress)
{
    private WorkDirectory Work => session.Work;

    /// <summary>The record streams of a streamed run (<see cref="StreamedRun"/>): the stages hand their records on besides writing their files.</summary>
    internal StageHandoffs? Handoffs { get; init; }

    public Task<Manifest> ExtractAsync(string sourceDirectory, CancellationToken cancellationToken) =>
        ExtractAsync(new LegacySources(sourceDirectory), cancellationToken);

    /// <summary>Extracts every source: files from <see cref="LegacySources.Directory"/>, tables and queries through <see cref="LegacySources.Connections"/>.</summary>
    public Task<Manifest> ExtractAsync(LegacySources sources, CancellationToken cancellationToken) =>
        ExtractAsync(sources, [.. session.Mapping.Sources.Values], static _ => { }, cancellationToken);

    /// <summary>Extracts the sources in <paramref name="order"/>, calling <paramref name="extracted"/> after each; the manifest lists them in mapping order.</summary>
    private async Task<Manifest> ExtractAsync(LegacySources sources, IReadOnlyList<SourceDefinition> order, Action<string> extracted, CancellationToken cancellationToken)
    {
        CheckSources(sources);
        var sourceDirectory = sources.Directory;
        var fileSources = session.Mapping.Sources.Values.Where(ReadsFile).ToList();
        var databaseSources = session.Mapping.Sources.Values.Where(s => !ReadsFile(s)).ToList();
        Work.Create();
        var results = new Dictionary<string, ExtractResult>(StringComparer.Ordinal);
        foreach (var source in order)
        {
            results[source.Id] = await ExtractSourceAsync(source, sources, cancellationToken);
            extracted(source.Id);
        }
        var declared = fileSources.Select(s => s.File).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unlisted = sourceDirectory is null ? [] : Directory.EnumerateFiles(sourceDirectory)
            .Select(Path.GetFileName)
            .Where(f => f is not null && !f.StartsWith('.') && !declared.Contains(f))
            .Select(f => f!)
            .Order(StringComparer.Ordinal)
            .ToList();
        var unlistedTables = databaseSources.Count == 0 ? [] : await UnlistedTables.FindAsync(databaseSources, sources.Connections.For, sources.Databases!, cancellationToken);

        var manifest = new Manifest
        {
            RunId = NewRunId(),
            ToolVersion = ToolInfo.Version,
            CreatedAt = DateTimeOffset.UtcNow,
            Mapping = new MappingInfo(session.Mapping.Path, session.Mapping.Sha256, session.Mapping.Vendor, session.Mapping.Municipality),
            Standard = new StandardInfo(session.Standard.Id, session.Standard.Version, session.Standard.SourcePath, session.Standard.Sha256),
            SourceDirectory = sourceDirectory is null ? null : Path.GetFullPath(sourceDirectory),
            Extract = new ExtractStage(DateTimeOffset.UtcNow, [.. session.Mapping.Sources.Keys.Select(id => results[id])], unlisted) { UnlistedTables = unlistedTables },
        };
        Save(manifest);
        return manifest;
    }

    /// <summary>Fails fast, before anything is written, when a source cannot be read: no folder, a missing connection.</summary>
    internal void CheckSources(LegacySources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var fileSources = session.Mapping.Sources.Values.Where(ReadsFile).ToList();
        var databaseSources = session.Mapping.Sources.Values.Where(s => !ReadsFile(s)).ToList();
        if (sources.Directory is null && fileSources.Count > 0)
            throw MigrateException.Usage($"give --source DIR: the mapping reads files ({string.Join(", ", fileSources.Select(s => s.File))})");
        if (sources.Directory is not null && !Directory.Exists(sources.Directory))
            throw MigrateException.Usage($"--source {sources.Directory}: directory not found");
        foreach (var source in fileSources)
            ConfinedPath.Resolve(sources.Directory!, source.File, source.AllowOutside, $"{source.Position}: source '{source.Id}': file");
        foreach (var source in databaseSources) sources.Connections.For(source);
        if (databaseSources.Count > 0 && sources.Databases is null)
            throw MigrateException.Usage($"{databaseSources[0].Position}: source '{databaseSources[0].Id}' reads a database, which this command cannot open");
    }

    private static bool ReadsFile(SourceDefinition source) => SourceFormats.Default.For(source).ReadsFile;

    private async Task<ExtractResult> ExtractSourceAsync(SourceDefinition source, LegacySources sources, CancellationToken cancellationToken)
    {
        if (!ReadsFile(source))
        {
            var rows = progress.Start($"extract {source.File}", 0);
            var database = new DatabaseLocation(sources.Connections.For(source), sources.Databases!);
            return await new SourceExtractor(source, database, Work) { Handoff = Handoffs?.Staged(source.Id) }.ExtractAsync(rows, cancellationToken);
        }
        var path = ConfinedPath.Resolve(sources.Directory!, source.File, source.AllowOutside, $"{source.Position}: source '{source.Id}': file");
        var size = File.Exists(path) ? new FileInfo(path).Length : 0;
        var bar = progress.Start($"extract {source.File}", size, ProgressUnit.Bytes);
        var result = await new SourceExtractor(source, new FileLocation(path), Work) { Handoff = Handoffs?.Staged(source.Id) }.ExtractAsync(bar, cancellationToken);
        // A file outside --source (allowed by the mapping) is recorded by its real path, not its bare name.
        return source.AllowOutside && Path.GetRelativePath(Path.GetFullPath(sources.Directory!), path) != source.File ? result with { File = path } : result;
    }

    public async Task<Manifest> MapAsync(CancellationToken cancellationToken)
    {
        var manifest = ReadManifest();
        if (manifest.Extract is null) throw MigrateException.Usage($"{Work.ManifestPath}: nothing extracted yet; run 'migrate extract' first");
        var readTotals = manifest.Extract.Sources.ToDictionary(s => s.SourceId, s => s.Staged, StringComparer.Ordinal);
        // The user may have removed mapped/ or rejects/ to map again from the staging files.
        Work.Create();
        // Each staging file is checked against the manifest as the mapper reads it (count and SHA-256,
        // in the same pass): a file changed since 'migrate extract' fails the stage before it is saved.
        var work = new WorkDirectory(Work.Root) { Recorded = RecordedFiles.Staging(Work, manifest.Extract) };
        var ledger = new Integrity.PersonLedger();
        var stage = await MapStageRunner.RunAsync(session.Mapping, session.Standard, work,
            table => progress.Start($"map {table}", readTotals.GetValueOrDefault(session.Mapping.Tables.First(t => t.TableId == table).From)),
            cancellationToken, ledger: ledger);
        return SaveMapped(manifest, stage, ledger);
    }

    /// <summary>Records the map stage, with what it found about protected persons once the extract rejects are known too.</summary>
    private Manifest SaveMapped(Manifest extracted, MapStage stage, Integrity.PersonLedger ledger)
    {
        Integrity.ExtractRejectPersons.Tell(ledger, session.Mapping, session.Standard, Work);
        stage = stage with { Integrity = ledger.Summarize() };
        var manifest = extracted with
        {
            Mapping = new MappingInfo(session.Mapping.Path, session.Mapping.Sha256, session.Mapping.Vendor, session.Mapping.Municipality),
            Map = stage,
            Load = null,
            Reconciliation = null,
            PendingLoad = null,
            AcceptedCriticalRejects = [],
        };
        Save(manifest);
        return manifest;
    }

    /// <summary>Loads the mapped files. Refuses when critical records were rejected or --max-rejects is exceeded, before touching the target.</summary>
    public Task<Manifest> LoadAsync(ITarget target, LoadOptions options, CancellationToken cancellationToken) =>
        new LoadStep(session, progress).LoadAsync(ReadManifest(), target, options, cancellationToken);

    /// <summary><c>load --resume</c>: finishes a load the process did not finish (see <see cref="LoadStep.ResumeAsync"/>).</summary>
    public Task<Manifest> ResumeLoadAsync(ITarget target, LoadOptions options, CancellationToken cancellationToken) =>
        new LoadStep(session, progress).ResumeAsync(ReadManifest(), target, options, cancellationToken);

    /// <summary>extract → map → load → report. An unbalanced reconciliation fails after the report is written.</summary>
    public Task<RunOutcome> RunAsync(string sourceDirectory, ITarget target, LoadOptions options, ReportRequest report, CancellationToken cancellationToken) =>
        RunAsync(new LegacySources(sourceDirectory), target, options, report, cancellationToken);

    /// <summary>
    /// extract (files and databases) → map → load → report, the three stages at once: see
    /// <see cref="StreamedRun"/>. The files and the manifest are the same as the stages run one by one write.
    /// </summary>
    public async Task<RunOutcome> RunAsync(LegacySources sources, ITarget target, LoadOptions options, ReportRequest report, CancellationToken cancellationToken)
    {
        var (mapped, failure) = await new StreamedRun(session, progress).RunAsync(sources, target, options, cancellationToken);
        if (failure is not null)
        {
            // The report still shows what was found; the load failure decides the exit code.
            if (mapped is not null && failure is MigrateException) WriteReport(mapped, report);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        return WriteReportAndCheck(report);
    }

    /// <summary>The extract stage of a streamed run: the sources in the plan's order, each signalled when done.</summary>
    internal Task<Manifest> ExtractInOrderAsync(LegacySources sources, StreamPlan plan, Action<string> extracted, CancellationToken cancellationToken) =>
        ExtractAsync(sources, plan.ExtractionOrder, extracted, cancellationToken);

    /// <summary>The map stage of a streamed run: each table once the sources it needs are there; saved once extraction is.</summary>
    internal async Task<Manifest> MapStreamedAsync(Task<Manifest> extraction, Func<TableMapping, CancellationToken, Task> beforeTable, CancellationToken cancellationToken)
    {
        var ledger = new Integrity.PersonLedger();
        // Records to map are not known while extraction runs: the bar counts them and shows the rate.
        var stage = await MapStageRunner.RunAsync(session.Mapping, session.Standard, Work, table => progress.Start($"map {table}", 0), cancellationToken, beforeTable, ledger, Handoffs);
        return SaveMapped(await extraction, stage, ledger);
    }

    /// <summary>Writes the report files from the manifest and evaluates --fail-on; fails (exit 3) when the run does not reconcile.</summary>
    public RunOutcome WriteReportAndCheck(ReportRequest request)
    {
        var manifest = ReadManifest();
        var outcome = WriteReport(manifest, request);
        if (manifest.Reconciliation is { Balanced: false } reconciliation)
        {
            var bad = reconciliation.Tables.Where(t => !t.Balanced)
                .Select(t => $"{t.TableId}: read {t.Read} ≠ loaded {t.Loaded} + rejected {t.Rejected} + filtered {t.Filtered}");
            throw MigrateException.DataError("the run does not reconcile: " + string.Join("; ", bad));
        }
        return outcome;
    }

    private RunOutcome WriteReport(Manifest manifest, ReportRequest request)
    {
        var report = ReportBuilder.Build(manifest, session.Standard, session.Mapping);
        report = DecisionsWorkflow.Apply(report, new DecisionsRequest(request.DecisionsPath, request.InitDecisions), session.Mapping, Work.Root, progress.Info);
        var files = Report.Rendering.ReportFiles.WriteAll(report, Work.ReportDirectory).ToList();
        if (DecisionsWorkflow.WriteReportCopy(report, Work.ReportDirectory) is { } copy) files.Add(copy);
        return new RunOutcome(manifest, report, files.Select(Work.Relative).ToList(), FailOnCondition.Evaluate(report, request.FailOn));
    }

    public Manifest ReadManifest()
    {
        if (!File.Exists(Work.ManifestPath))
            throw MigrateException.Usage($"{Work.ManifestPath}: no manifest; run 'migrate extract' (or 'migrate run') with --out {Work.Root} first");
        var manifest = Json.Read<Manifest>(Work.ManifestPath);
        if (manifest.SchemaVersion != Manifest.CurrentSchemaVersion)
            throw MigrateException.Usage($"{Work.ManifestPath}: manifest schema {manifest.SchemaVersion} is not supported by this migrate (expects {Manifest.CurrentSchemaVersion})");
        return manifest;
    }

    /// <summary>Per table: rows read from the source = loaded + rejected (extract and map) + filtered.</summary>
    public static Reconciliation Reconcile(Manifest manifest, LoadStage load)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(load);
        var balances = new List<TableBalance>();
        foreach (var table in manifest.Map!.Tables)
        {
            var extract = manifest.Extract!.Sources.First(s => s.SourceId == table.SourceId);
            var loaded = load.Tables.FirstOrDefault(t => t.TableId == table.TableId)?.Loaded ?? 0;
            var rejected = extract.Rejected + table.Rejected;
            var filtered = table.Filtered.Values.Sum();
            balances.Add(new TableBalance(table.TableId, extract.Records, loaded, rejected, filtered, extract.Records == loaded + rejected + filtered));
        }
        return new Reconciliation(balances.All(b => b.Balanced), balances);
    }

    internal void Save(Manifest manifest) => Json.Write(Work.ManifestPath, manifest);

    private static string NewRunId() =>
        $"{DateTimeOffset.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..8]}";
}
