using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;

namespace Migrate.Core.Extract;

/// <summary>The source formats migrate reads: by the mapping's <c>format:</c> value, and by a source's <see cref="SourceDefinition.Format"/>.</summary>
internal sealed class SourceFormats
{
    /// <summary>What a source without <c>format:</c> is.</summary>
    public const string DefaultKey = "csv";

    private readonly List<ISourceFormat> _formats;

    public SourceFormats(IEnumerable<ISourceFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        _formats = [.. formats];
        Keys = [.. _formats.SelectMany(f => f.Keys)];
        // Two formats answering to one name would make which one reads a source depend on the order.
        foreach (var names in new[] { Keys, _formats.Select(f => f.Name) })
        {
            var twice = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null) throw new ArgumentException($"two source formats are registered as '{twice.Key}'", nameof(formats));
        }
    }

    /// <summary>Every format: a new one is registered here.</summary>
    public static SourceFormats Default { get; } = new([new DelimitedFormat(), new FixedWidthFormat(), new DatabaseFormat()]);

    /// <summary>Every <c>format:</c> value, in the order the formats are registered.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The format a <c>format:</c> value names; null for a value no format reads.</summary>
    public ISourceFormat? ForKey(string key) => _formats.FirstOrDefault(f => f.Keys.Contains(key, StringComparer.Ordinal));

    public ISourceFormat For(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _formats.FirstOrDefault(f => f.Name == source.Format)
            ?? throw MigrateException.Usage($"{source.Position}: source '{source.Id}' has format {source.Format}, which this migrate cannot read");
    }
}
