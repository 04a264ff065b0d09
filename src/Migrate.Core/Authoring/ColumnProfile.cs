namespace Migrate.Core.Authoring;

/// <summary>
/// What profiling found in one legacy column: counts and lengths only. <see cref="Values"/> holds the
/// distinct values with their counts while there are at most <see cref="ColumnProfiler.MaxDistinct"/>
/// of them; it is shown only for code-like columns and never printed to the console.
/// </summary>
public sealed record ColumnProfile(
    string Name,
    long Rows,
    long Empty,
    long Distinct,
    bool DistinctOverflow,
    int MinLength,
    int MaxLength,
    long Integers,
    long Decimals,
    long WarekiLike,
    long GregorianCompact,
    long IsoDates,
    long HalfWidthKana,
    long PrivateUse,
    long DigitsAndHyphens,
    IReadOnlyDictionary<string, long> CheckDigitValid,
    IReadOnlyDictionary<string, long> Values)
{
    /// <summary>Values per date pattern they are written in (<see cref="Authoring.DatePatterns"/>: GYYMMDD, EY年M月D日, YYYY/M/D …).</summary>
    public IReadOnlyDictionary<string, long> DatePatterns { get; init; } = new Dictionary<string, long>();

    /// <summary>不詳 spellings found (年月日不詳, 昭和20年頃 …), as written, with their counts.</summary>
    public IReadOnlyDictionary<string, long> UnknownDates { get; init; } = new Dictionary<string, long>();

    /// <summary>
    /// Dates in one of <see cref="Authoring.DatePatterns"/> written with full-width digits (０-９): the date
    /// formats read ASCII digits only. 不詳 spellings are not counted: unknown forms read either width.
    /// </summary>
    public long FullWidthDates { get; init; }

    /// <summary>Values written as a date in some pattern, or as a 不詳 spelling.</summary>
    public long DateLike => DatePatterns.Values.Sum() + UnknownDates.Values.Sum();

    public long NonEmpty => Rows - Empty;
    public double NullRate => Rows == 0 ? 0 : (double)Empty / Rows;

    /// <summary>Every non-empty value matched (and there is at least one).</summary>
    public bool All(long count) => NonEmpty > 0 && count == NonEmpty;

    /// <summary>Few distinct short values: a code.</summary>
    public bool CodeLike => !DistinctOverflow && Distinct is > 0 and <= 50 && MaxLength <= 4 && NonEmpty > Distinct;

    public string InferredType =>
        NonEmpty == 0 ? "empty"
        : All(IsoDates) ? "date (ISO)"
        : All(GregorianCompact) ? "date (yyyyMMdd)"
        : All(DateLike) && WarekiLike > 0 ? $"date ({string.Join(", ", DateKinds)})"
        : All(Integers) ? "integer"
        : All(Decimals) ? "decimal"
        : All(DateLike) ? $"date ({string.Join(", ", DateKinds)})"
        : CodeLike ? "code"
        : "string";

    /// <summary>The date patterns found, most frequent first, with 不詳 when spelt out.</summary>
    public IEnumerable<string> DateKinds => DatePatterns.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key)
        .Concat(UnknownDates.Count > 0 ? ["不詳"] : []);
}
