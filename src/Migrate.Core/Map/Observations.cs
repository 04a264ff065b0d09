using Migrate.Core.Mapping;

namespace Migrate.Core.Map;

/// <summary>How a legacy code value was converted, as seen while mapping.</summary>
public enum CodeConversion
{
    Standard,
    Custom,
    Lossy,
    Unknown,
    DefaultedUnknown,
}

public readonly record struct CodeKey(string Item, string CodeTable, string Legacy, string? Standard, CodeConversion Conversion);
public readonly record struct GaijiKey(string Item, int CodePoint, GaijiResolution Resolution);
public readonly record struct LossyKey(string Item, string Kind);

/// <summary>
/// Counters the transforms fill while mapping: code values, 外字 and lossy steps. They hold counts
/// and codes only, never personal values. One instance per worker; <see cref="Merge"/> joins them.
/// </summary>
public sealed class Observations
{
    public Dictionary<CodeKey, long> Codes { get; } = [];
    public Dictionary<GaijiKey, long> Gaiji { get; } = [];
    public Dictionary<LossyKey, long> Lossy { get; } = [];

    public void Code(string item, string table, string legacy, string? standard, CodeConversion conversion) =>
        Increment(Codes, new CodeKey(item, table, legacy, standard, conversion));

    public void GaijiSeen(string item, int codePoint, GaijiResolution resolution) =>
        Increment(Gaiji, new GaijiKey(item, codePoint, resolution));

    public void LossyStep(string item, string kind) => Increment(Lossy, new LossyKey(item, kind));

    public void Merge(Observations other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (k, v) in other.Codes) Increment(Codes, k, v);
        foreach (var (k, v) in other.Gaiji) Increment(Gaiji, k, v);
        foreach (var (k, v) in other.Lossy) Increment(Lossy, k, v);
    }

    private static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key, long by = 1) where TKey : notnull
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        slot += by;
    }
}
