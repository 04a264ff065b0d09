using System.Globalization;
using Migrate.Core.Standard;
using Migrate.Core.Validation;

namespace Migrate.Core.Authoring;

/// <summary>Accumulates one column's profile value by value, in bounded memory.</summary>
internal sealed class ColumnProfiler(string name)
{
    /// <summary>Distinct values are counted up to this many; beyond it only "more than" is known.</summary>
    public const int MaxDistinct = 1000;

    private readonly Dictionary<string, long> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _datePatterns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unknownDates = new(StringComparer.Ordinal);
    private long _fullWidthDates;
    private readonly Dictionary<string, long> _checkDigits = CheckDigitRules.Names.ToDictionary(n => n, _ => 0L, StringComparer.Ordinal);
    private bool _overflow;
    private long _rows, _empty, _integers, _decimals, _wareki, _compact, _iso, _kana, _pua, _digitsHyphens;
    private int _minLength = int.MaxValue, _maxLength;

    public void Add(string? raw)
    {
        _rows++;
        var value = raw?.Trim() ?? "";
        if (value.Length == 0)
        {
            _empty++;
            return;
        }
        var length = ItemValidator.CharacterLength(value);
        _minLength = Math.Min(_minLength, length);
        _maxLength = Math.Max(_maxLength, length);
        if (!_overflow)
        {
            if (_values.TryGetValue(value, out var n)) _values[value] = n + 1;
            else if (_values.Count < MaxDistinct) _values[value] = 1;
            else _overflow = true;
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) _integers++;
        if (decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)) _decimals++;
        var folded = DatePatterns.FoldDigits(value);
        if (DatePatterns.Of(folded) is { } pattern)
        {
            if (!ReferenceEquals(folded, value)) _fullWidthDates++;
            _datePatterns[pattern] = _datePatterns.GetValueOrDefault(pattern) + 1;
            if (pattern is DatePatterns.EraCompact or DatePatterns.EraDotted or DatePatterns.EraKanji) _wareki++;
            if (pattern == DatePatterns.Compact && DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) _compact++;
            if (pattern == DatePatterns.Iso && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) _iso++;
        }
        else if (DatePatterns.IsUnknown(folded) && (_unknownDates.ContainsKey(value) || _unknownDates.Count < MaxUnknownForms))
        {
            // Kept as written (昭和３０年頃 with its full-width digits): the standard keeps a 不詳 date's wording.
            _unknownDates[value] = _unknownDates.GetValueOrDefault(value) + 1;
        }
        if (value.Any(c => c is >= '\uFF61' and <= '\uFF9F')) _kana++;
        if (value.EnumerateRunes().Any(r => r.Value is >= 0xE000 and <= 0xF8FF)) _pua++;
        if (value.All(c => char.IsAsciiDigit(c) || c == '-') && value.Contains('-', StringComparison.Ordinal)) _digitsHyphens++;
        foreach (var rule in CheckDigitRules.Names)
            if (value.All(char.IsAsciiDigit) && CheckDigitRules.IsValid(rule, value)) _checkDigits[rule]++;
    }

    public ColumnProfile Result() => new(name, _rows, _empty, _overflow ? MaxDistinct : _values.Count, _overflow,
        _minLength == int.MaxValue ? 0 : _minLength, _maxLength, _integers, _decimals, _wareki, _compact, _iso, _kana, _pua, _digitsHyphens,
        new Dictionary<string, long>(_checkDigits), _overflow ? new Dictionary<string, long>() : new Dictionary<string, long>(_values))
    {
        DatePatterns = new Dictionary<string, long>(_datePatterns),
        UnknownDates = new Dictionary<string, long>(_unknownDates),
        FullWidthDates = _fullWidthDates,
    };

    /// <summary>Distinct 不詳 spellings kept per column (those no <c>unknown_forms</c> entry reads become <c>unknown_markers</c>).</summary>
    public const int MaxUnknownForms = 50;
}
