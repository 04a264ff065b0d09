using Migrate.Core.Map;

namespace Migrate.Core.Transforms;

/// <summary>What a transform may see beyond its own value: the other columns of the row, and the counters.</summary>
internal sealed class RowScope(IReadOnlyDictionary<string, int> columnIndex, Observations observations)
{
    private string?[] _values = [];

    public Observations Observations { get; } = observations;

    public void Reset(string?[] values) => _values = values;

    public string? Column(string name) =>
        columnIndex.TryGetValue(name, out var i) && i < _values.Length ? _values[i] : null;
}
