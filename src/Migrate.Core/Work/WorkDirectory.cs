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

    /// <summary>
    /// What the manifest records of the files an earlier stage wrote, by full path: a stage that reads
    /// one checks it against this as it reads it (<c>migrate map</c> its staging files). None by
    /// default, and none in <c>migrate run</c>, whose stages hand their records on (<see cref="StageHandoffs"/>).
    /// </summary>
    public IReadOnlyDictionary<string, RecordedFile>? Recorded { get; init; }

    /// <summary>What the manifest records of <paramref name="path"/>, when this work directory was opened to check it.</summary>
    public RecordedFile? RecordOf(string path) => Recorded?.GetValueOrDefault(Path.GetFullPath(path));

    /// <summary>Reads a staging file, checksummed as it is read when the manifest records it (see <see cref="RecordOf"/>).</summary>
    public Stream OpenStaged(string path) =>
        RecordOf(path) is { } recorded ? RecordedFileStream.Open(recorded)
        : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    public void Create()
    {
        foreach (var dir in new[] { Root, StagingDirectory, MappedDirectory, RejectsDirectory, ReportDirectory })
            PrivateFiles.CreateDirectory(dir);
    }

    /// <summary>A path relative to the work directory, with forward slashes, for manifests.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
