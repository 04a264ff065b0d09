namespace Migrate.Core.Work;

/// <summary>
/// The layout of a run's work directory. Every stage reads and writes only here, so any stage can be
/// rerun or audited later:
/// <code>
/// manifest.json            what ran, checksums, counts per stage and table
/// staging/SOURCE.csv       extracted legacy records, UTF-8, with their source line and byte offset
/// mapped/TABLE.csv         standard-layout rows (the receiving vendor can import these)
/// rejects/*.jsonl          every rejected record with all its reasons (personal data: owner-only)
/// report/                  report.json, report.md, report.html and CSV lists
/// standard.db              the default SQLite target
/// </code>
/// </summary>
public sealed class WorkDirectory(string root)
{
    public string Root { get; } = Path.GetFullPath(root);
    public string ManifestPath => Path.Combine(Root, "manifest.json");
    public string StagingDirectory => Path.Combine(Root, "staging");
    public string MappedDirectory => Path.Combine(Root, "mapped");
    public string RejectsDirectory => Path.Combine(Root, "rejects");
    public string ReportDirectory => Path.Combine(Root, "report");
    public string DefaultDatabasePath => Path.Combine(Root, "standard.db");

    /// <summary>Temporary on-disk join indexes (sorted copies of joined sources); removed after each table is mapped.</summary>
    public string JoinIndexDirectory => Path.Combine(Root, "joins");

    public string StagingFile(string sourceId) => Path.Combine(StagingDirectory, sourceId + ".csv");
    public string MappedFile(string tableId) => Path.Combine(MappedDirectory, tableId + ".csv");
    public string ExtractRejects(string sourceId) => Path.Combine(RejectsDirectory, sourceId + ".extract.jsonl");
    public string MapRejects(string tableId) => Path.Combine(RejectsDirectory, tableId + ".map.jsonl");

    /// <summary>Intermediate files handed to the next stage as they are written (<c>migrate run</c>); none by default.</summary>
    public StageHandoffs? Handoffs { get; init; }

    /// <summary>
    /// What the manifest records of the files an earlier stage wrote, by full path: a stage that reads
    /// one checks it against this as it reads it (<c>migrate map</c> its staging files). None by
    /// default, and none in <c>migrate run</c>, whose stages hand their records on as they write them.
    /// </summary>
    public IReadOnlyDictionary<string, RecordedFile>? Recorded { get; init; }

    /// <summary>What the manifest records of <paramref name="path"/>, when this work directory was opened to check it.</summary>
    public RecordedFile? RecordOf(string path) => Recorded?.GetValueOrDefault(Path.GetFullPath(path));

    /// <summary>Creates a staging or mapped file (owner-only); when it is handed on, the stream also passes its bytes to the reader.</summary>
    public Stream CreateIntermediate(string path)
    {
        var file = PrivateFiles.Create(path);
        return Handoffs?.For(path) is { } handoff ? handoff.Tee(file) : file;
    }

    /// <summary>
    /// Reads a staging or mapped file: its bytes as they are written when it is handed on, else the
    /// file, checksummed as it is read when the manifest records it (see <see cref="RecordOf"/>).
    /// </summary>
    public Stream OpenIntermediate(string path) =>
        Handoffs?.For(path) is { } handoff ? handoff.OpenRead()
        : RecordOf(path) is { } recorded ? RecordedFileStream.Open(recorded)
        : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>Whether the file exists, or will (it is being handed on from a stage still writing it).</summary>
    public bool HasIntermediate(string path) => Handoffs?.For(path) is not null || Handoffs?.RecordsFor(path) is not null || File.Exists(path);

    /// <summary>The records of a staging file as they are written, when they are handed on.</summary>
    public RecordHandoff? HandedRecords(string stagingPath) => Handoffs?.RecordsFor(stagingPath);

    public void Create()
    {
        foreach (var dir in new[] { Root, StagingDirectory, MappedDirectory, RejectsDirectory, ReportDirectory })
            PrivateFiles.CreateDirectory(dir);
    }

    /// <summary>A path relative to the work directory, with forward slashes, for manifests.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
