namespace Migrate.Core.Standard;

/// <summary>
/// A standard code list. Where <see cref="ChainJoiner"/> is set (続柄), a value may chain several
/// codes of equal width, read with the joiner between them: 2020 = 子の子. Only the codes in
/// <see cref="Chainable"/> may be chained (続柄 1.1.11: 夫・妻・子・父・母・兄・姉・弟・妹 …; 世帯主, 縁故者
/// and 同居人 stand alone); a chain deeper than the item allows is recorded as <see cref="ChainOverflow"/>
/// (縁故者) by the code transform, as a lossy conversion.
/// </summary>
public sealed record CodeList(string Id, string Name, IReadOnlyDictionary<string, string> Values, string? ChainJoiner)
{
    public int CodeWidth { get; } = Values.Keys.Select(k => k.Length).DefaultIfEmpty(1).Max();

    /// <summary>The codes that may be joined into a chain; null: every code may (<c>chainable:</c>).</summary>
    public IReadOnlySet<string>? Chainable { get; init; }

    /// <summary>The code a chain deeper than the item's limit becomes (<c>chain_overflow:</c>); null: such a chain is invalid.</summary>
    public string? ChainOverflow { get; init; }

    public bool Contains(string value, int maxChain)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Values.ContainsKey(value)) return true;
        return maxChain > 1 && ChainLength(value) is var parts and >= 2 && parts <= maxChain;
    }

    /// <summary>
    /// Whether the value is a chain of chainable codes longer than <paramref name="maxChain"/> (子の子の子の子の子
    /// where four are allowed): the standard records such a relationship as <see cref="ChainOverflow"/>.
    /// </summary>
    public bool IsTooDeep(string value, int maxChain)
    {
        ArgumentNullException.ThrowIfNull(value);
        return maxChain > 1 && ChainOverflow is not null && ChainLength(value) > maxChain;
    }

    /// <summary>How many chainable codes the value joins; 0 when it is no such chain.</summary>
    private int ChainLength(string value)
    {
        if (ChainJoiner is null || value.Length == 0 || value.Length % CodeWidth != 0) return 0;
        var parts = value.Length / CodeWidth;
        for (var i = 0; i < parts; i++)
        {
            var part = value.Substring(i * CodeWidth, CodeWidth);
            if (!Values.ContainsKey(part) || (Chainable is not null && !Chainable.Contains(part))) return 0;
        }
        return parts;
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
