using Migrate.Core.Diagnostics;

namespace Migrate.Core.Standard;

/// <summary>For dates that may be 不詳: the items that carry the flag and the free-text notation.</summary>
public sealed record UnknownDateItems(string FlagItem, string TextItem);

/// <summary>One item (column) of a standard table, as the data standard defines it.</summary>
public sealed record StandardItem(
    string Id,
    string Name,
    string English,
    ItemType Type,
    int? Length,
    bool Required,
    string? CodeListId,
    int CodeChain,
    CharRule Chars,
    string? CheckDigit,
    bool Critical,
    bool Personal,
    UnknownDateItems? Unknown,
    SourcePosition Position)
{
    /// <summary>
    /// Other names legacy systems give this item (生年月日, SEINENGAPPI, BIRTH_DATE …), for drafting
    /// mappings (<c>migrate init</c>); optional <c>synonyms:</c> list in the standard file.
    /// </summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>
    /// For a date the standard manages in 和暦 (生年月日, 1.1.1): the item that keeps its era and year
    /// as written (明治45年 / 大正元年 name the same day, and both stay as written); optional <c>era_year:</c>.
    /// </summary>
    public string? EraYearItem { get; init; }

    /// <summary>The value must have exactly <see cref="Length"/> characters (郵便番号: 7 digits); <c>fixed_length: true</c>.</summary>
    public bool FixedLength { get; init; }

    /// <summary>The form the value must have (在留カード番号: 2 letters, 8 digits, 2 letters); <c>pattern:</c>.</summary>
    public ItemPattern? Pattern { get; init; }

    /// <summary>Name shown to people: the Japanese name with the ID, e.g. 生年月日 (seinengappi).</summary>
    public string Label => $"{Name} ({Id})";
}
