namespace Migrate.Core.Standard;

/// <summary>
/// A standard code list. Where <see cref="ChainJoiner"/> is set (続柄), a value may chain several
/// codes of equal width, read with the joiner between them: 2020 = 子の子.
/// </summary>
public sealed record CodeList(string Id, string Name, IReadOnlyDictionary<string, string> Values, string? ChainJoiner)
{
    public int CodeWidth { get; } = Values.Keys.Select(k => k.Length).DefaultIfEmpty(1).Max();

    public bool Contains(string value, int maxChain)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Values.ContainsKey(value)) return true;
        if (maxChain <= 1 || value.Length % CodeWidth != 0) return false;
        var parts = value.Length / CodeWidth;
        if (parts > maxChain) return false;
        for (var i = 0; i < parts; i++)
            if (!Values.ContainsKey(value.Substring(i * CodeWidth, CodeWidth))) return false;
        return true;
    }

    /// <summary>The value's meaning in Japanese, e.g. 子の子; null when it is not in the list.</summary>
    public string? Describe(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Values.TryGetValue(value, out var name)) return name;
        if (ChainJoiner is null || value.Length % CodeWidth != 0) return null;
        var names = new List<string>();
        for (var i = 0; i < value.Length; i += CodeWidth)
        {
            if (!Values.TryGetValue(value.Substring(i, CodeWidth), out var part)) return null;
            names.Add(part);
        }
        return string.Join(ChainJoiner, names);
    }
}
