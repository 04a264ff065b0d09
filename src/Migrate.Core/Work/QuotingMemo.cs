namespace Migrate.Core.Work;

/// <summary>
/// <see cref="IntermediateCsv.ShouldQuote"/> per column, remembered for the value written last: the
/// extractor hands the same string again for a field equal to the one above it, and code tables
/// give the same string for every row, so most non-empty fields need no scan.
/// </summary>
public sealed class QuotingMemo(int columns)
{
    private readonly string?[] _last = new string?[columns];
    private readonly bool[] _quote = new bool[columns];

    public bool ShouldQuote(int column, string? field)
    {
        if (ReferenceEquals(field, _last[column])) return _quote[column];
        var quote = IntermediateCsv.ShouldQuote(field);
        _last[column] = field;
        _quote[column] = quote;
        return quote;
    }
}
