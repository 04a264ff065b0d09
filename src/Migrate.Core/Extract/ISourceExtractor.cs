using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Work;

namespace Migrate.Core.Extract;

/// <summary>
/// Extracts one legacy source into the work directory's staging file (UTF-8 CSV: <c>_line</c>,
/// <c>_offset</c>, then the source's columns), rejecting the records it cannot read with their reasons.
/// </summary>
public interface ISourceExtractor
{
    Task<ExtractResult> ExtractAsync(IProgress<long>? progress, CancellationToken cancellationToken);
}

/// <summary>Chooses the extractor for a source's format.</summary>
public static class SourceExtractors
{
    public static ISourceExtractor Create(SourceDefinition source, string sourcePath, WorkDirectory work)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Format switch
        {
            SourceFormat.Delimited => new DelimitedExtractor(source, sourcePath, work),
            SourceFormat.Fixed => new FixedWidthExtractor(source, sourcePath, work),
            _ => throw MigrateException.Usage($"{source.Position}: source '{source.Id}' has format {source.Format}, which cannot be extracted from a file"),
        };
    }
}
