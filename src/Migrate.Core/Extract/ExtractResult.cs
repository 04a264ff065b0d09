namespace Migrate.Core.Extract;

/// <summary>What extracting one legacy source produced.</summary>
public sealed record ExtractResult(
    string SourceId,
    string File,
    string FileSha256,
    long Bytes,
    string Encoding,
    long Records,
    long Staged,
    long Rejected,
    IReadOnlyDictionary<string, long> RejectsByReason,
    string StagingFile,
    string StagingSha256,
    double Seconds)
{
    /// <summary>For a database source: driver, table and query hash (File is then the table or query:SOURCE, FileSha256 the query hash).</summary>
    public DatabaseSourceInfo? Database { get; init; }

    /// <summary>The source's extract rejects file as written (null in manifests of an older migrate).</summary>
    public Work.StageFile? Rejects { get; init; }
}
