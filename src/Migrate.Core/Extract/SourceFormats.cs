using Migrate.Core.Diagnostics;
using Migrate.Core.Extract.Database;
using Migrate.Core.Mapping;

namespace Migrate.Core.Extract;

/// <summary>The source formats migrate reads, by the mapping's <c>format:</c> value.</summary>
public sealed class SourceFormats
{
    private readonly Dictionary<SourceFormat, ISourceFormat> _formats;

    public SourceFormats(IEnumerable<ISourceFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        _formats = formats.ToDictionary(f => f.Format);
    }

    /// <summary>Every format: a new one is registered here.</summary>
    public static SourceFormats Default { get; } = new([new DelimitedFormat(), new FixedWidthFormat(), new DatabaseFormat()]);

    public ISourceFormat For(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _formats.TryGetValue(source.Format, out var format)
            ? format
            : throw MigrateException.Usage($"{source.Position}: source '{source.Id}' has format {source.Format}, which this migrate cannot read");
    }
}
