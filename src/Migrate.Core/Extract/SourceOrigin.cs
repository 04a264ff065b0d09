using Migrate.Core.Extract.Database;

namespace Migrate.Core.Extract;

/// <summary>
/// What the manifest records about a source once it is read: its name, the SHA-256 of its file (of
/// the query, for a database), its size in bytes and the encoding read; for a database source, the
/// driver, table and query hash.
/// </summary>
internal sealed record SourceOrigin(string File, string Sha256, long Bytes, string Encoding)
{
    public DatabaseSourceInfo? Database { get; init; }
}
