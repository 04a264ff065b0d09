using Migrate.Core.Mapping;

namespace Migrate.Core.Transforms;

/// <summary>How a legacy code value was converted, as seen while mapping.</summary>
public enum CodeConversion
{
    Standard,
    Custom,
    Lossy,
    Unknown,
    DefaultedUnknown,
}

internal readonly record struct CodeKey(string Item, string CodeTable, string Legacy, string? Standard, CodeConversion Conversion);
internal readonly record struct GaijiKey(string Item, int CodePoint, GaijiResolution Resolution);
internal readonly record struct LossyKey(string Item, string Kind);
internal readonly record struct CharacterKey(string Item, int CodePoint);

/// <summary>
/// Counters the transforms fill while mapping: code values, 外字, lossy steps and characters outside JIS. They hold counts
/// and codes only, never personal values. One instance per worker; <see cref="Merge"/> joins them.
/// </summary>
internal sealed class Observations
{
    public Dictionary<CodeKey, long> Codes { get; } = [];
    public Dictionary<GaijiKey, long> Gaiji { get; } = [];
    public Dictionary<LossyKey, long> Lossy { get; } = [];
    public Dictionary<CharacterKey, long> OutsideJis { get; } = [];

    public void Code(string item, string table, string legacy, string? standard, CodeConversion conversion) =>
        Code(new CodeKey(item, table, legacy, standard, conversion), 1);

    /// <summary>Items whose unknown values are all withheld (<see cref="WithheldCodes.TooMany"/>).</summary>
    private readonly HashSet<(string Item, string Table)> _tooMany = [];

    private void Code(CodeKey key, long by)
    {
        // Only values outside the code table can be something other than codes; known ones pass untouched.
        if (key.Conversion is CodeConversion.Unknown or CodeConversion.DefaultedUnknown) key = Screened(key);
        Increment(Codes, key, by);
    }

    /// <summary>An unknown value as it may be recorded: itself when it can be a code, else a withheld marker (see <see cref="WithheldCodes"/>).</summary>
    private CodeKey Screened(CodeKey key)
    {
        if (WithheldCodes.IsWithheld(key.Legacy)) return key;
        var kept = key.Conversion == CodeConversion.Unknown && key.Standard == key.Legacy;
        if (!WithheldCodes.LooksLikeCode(key.Legacy)) return Withheld(key, WithheldCodes.NotACode, kept);
        var scope = (key.Item, key.CodeTable);
        if (_tooMany.Contains(scope)) return Withheld(key, WithheldCodes.TooMany, kept);
        if (Codes.ContainsKey(key)) return key;
        var distinct = Codes.Keys.Count(k => k.Item == key.Item && k.CodeTable == key.CodeTable && IsUnknown(k) && !WithheldCodes.IsWithheld(k.Legacy));
        if (distinct < WithheldCodes.MaxDistinctUnknown) return key;
        // One value too many: the ones recorded so far are withheld too.
        _tooMany.Add(scope);
        foreach (var shown in Codes.Where(c => c.Key.Item == key.Item && c.Key.CodeTable == key.CodeTable && IsUnknown(c.Key) && !WithheldCodes.IsWithheld(c.Key.Legacy)).ToList())
        {
            Codes.Remove(shown.Key);
            Increment(Codes, Withheld(shown.Key, WithheldCodes.TooMany, shown.Key.Standard == shown.Key.Legacy), shown.Value);
        }
        return Withheld(key, WithheldCodes.TooMany, kept);
    }

    private static bool IsUnknown(CodeKey key) => key.Conversion is CodeConversion.Unknown or CodeConversion.DefaultedUnknown;

    /// <summary>With <c>unknown: keep</c> the standard value is the legacy value itself, so it is withheld as well.</summary>
    private static CodeKey Withheld(CodeKey key, string marker, bool kept) =>
        key with { Legacy = marker, Standard = kept ? marker : key.Standard };

    public void GaijiSeen(string item, int codePoint, GaijiResolution resolution) =>
        Increment(Gaiji, new GaijiKey(item, codePoint, resolution));

    public void LossyStep(string item, string kind) => Increment(Lossy, new LossyKey(item, kind));

    /// <summary>Counts every character of a loaded value that JIS X 0208/0213 does not hold (see <see cref="Text.JisCharacterSet"/>).</summary>
    public void OutsideJisSeen(string item, string value, int first)
    {
        ArgumentNullException.ThrowIfNull(value);
        var set = Text.JisCharacterSet.Instance;
        for (var i = first; i >= 0;)
        {
            // A lone surrogate is no character: it is counted as U+FFFD rather than thrown on.
            var status = System.Text.Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed);
            Increment(OutsideJis, new CharacterKey(item, status == System.Buffers.OperationStatus.Done ? rune.Value : 0xFFFD));
            var next = i + Math.Max(consumed, 1);
            i = next < value.Length ? set.IndexOfOutside(value, next) : -1;
        }
    }

    public void Merge(Observations other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (k, v) in other.Codes) Code(k, v);
        foreach (var (k, v) in other.Gaiji) Increment(Gaiji, k, v);
        foreach (var (k, v) in other.Lossy) Increment(Lossy, k, v);
        foreach (var (k, v) in other.OutsideJis) Increment(OutsideJis, k, v);
    }

    private static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key, long by = 1) where TKey : notnull
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
        slot += by;
    }
}
