using Migrate.Core.Mapping;
using Migrate.Core.Rejects;
using Migrate.Core.Work;

namespace Migrate.Core.Extract;

/// <summary>
/// One legacy source format, keyed by the mapping's <c>format:</c> value (<see cref="SourceFormat"/>)
/// and registered in <see cref="SourceFormats"/>. A format only reads records:
/// <see cref="SourceExtractor"/> owns the staging file, the rejects file, progress and the counts.
/// </summary>
public interface ISourceFormat
{
    SourceFormat Format { get; }

    /// <summary>Whether the source is a file in the export folder (<c>--source</c>) rather than a database table or query.</summary>
    bool ReadsFile { get; }

    /// <summary>
    /// Checks the source and opens it for reading; a source that cannot be read (no file, wrong
    /// header, missing column …) fails here, before the staging and rejects files are created.
    /// </summary>
    /// <param name="work">Where a format may keep a private scratch copy (a UTF-16 file's UTF-8 copy) next to the staging files.</param>
    Task<ISourceReader> OpenAsync(SourceDefinition source, SourceLocation location, WorkDirectory work, CancellationToken cancellationToken);

    /// <summary>
    /// A column's value recovered from a record this format rejected (from its raw bytes or values),
    /// when it is plain ASCII: the integrity check finds the person behind an unreadable record with it.
    /// Null when it cannot be recovered.
    /// </summary>
    string? Recover(RejectRecord reject, SourceDefinition source, string column);
}
