using Migrate.Core.Mapping;
using Migrate.Core.Rejects;
using Migrate.Core.Work;
using Migrate.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Extract;

/// <summary>
/// One legacy source format, keyed by the mapping's <c>format:</c> values (<see cref="Keys"/>) and
/// registered in <see cref="SourceFormats"/>. A format reads its own keys of the mapping into a
/// <see cref="SourceDefinition"/> (its options, a <see cref="SourceOptions"/> of its own type) and
/// then only reads records: <see cref="SourceExtractor"/> owns the staging file, the rejects file,
/// progress and the counts.
/// </summary>
internal interface ISourceFormat
{
    /// <summary>What <see cref="SourceDefinition.Format"/> holds for its sources.</summary>
    string Name { get; }

    /// <summary>The <c>format:</c> values it reads (<c>csv</c> and <c>tsv</c> are both delimited).</summary>
    IReadOnlyList<string> Keys { get; }

    /// <summary>Whether the source is a file in the export folder (<c>--source</c>) rather than a database table or query.</summary>
    bool ReadsFile { get; }

    /// <summary>
    /// Reads a source of this format from its mapping node (<c>format:</c> is already read, as
    /// <paramref name="key"/>): only the keys it allows, its columns and its options. A mistake
    /// is a <see cref="YamlFile.Error"/> at the node that holds it.
    /// </summary>
    SourceDefinition ReadDefinition(YamlFile yaml, string id, string key, YamlMappingNode source);

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
