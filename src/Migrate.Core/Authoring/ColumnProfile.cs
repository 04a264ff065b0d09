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
    public long NonEmpty => Rows - Empty;
    public double NullRate => Rows == 0 ? 0 : (double)Empty / Rows;

    /// <summary>Every non-empty value matched (and there is at least one).</summary>
    public bool All(long count) => NonEmpty > 0 && count == NonEmpty;

    /// <summary>Few distinct short values: a code.</summary>
    public bool CodeLike => !DistinctOverflow && Distinct is > 0 and <= 50 && MaxLength <= 4 && NonEmpty > Distinct;

    public string InferredType =>
        NonEmpty == 0 ? "empty"
        : All(IsoDates) ? "date (ISO)"
        : All(WarekiLike) ? "date (和暦 GYYMMDD)"
        : All(GregorianCompact) ? "date (yyyyMMdd)"
        : All(Integers) ? "integer"
        : All(Decimals) ? "decimal"
        : CodeLike ? "code"
        : "string";
}
