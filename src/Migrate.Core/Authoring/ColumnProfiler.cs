using System.Globalization;
using System.Text.RegularExpressions;
using Migrate.Core.Validation;

namespace Migrate.Core.Authoring;

/// <summary>Accumulates one column's profile value by value, in bounded memory.</summary>
public sealed partial class ColumnProfiler(string name)
{
    /// <summary>Distinct values are counted up to this many; beyond it only "more than" is known.</summary>
    public const int MaxDistinct = 1000;

    private readonly Dictionary<string, long> _values = new(StringComparer.Ordinal);
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
        if (WarekiPattern().IsMatch(value)) _wareki++;
        if (value.Length == 8 && DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) _compact++;
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) _iso++;
        if (value.Any(c => c is >= '\uFF61' and <= '\uFF9F')) _kana++;
        if (value.EnumerateRunes().Any(r => r.Value is >= 0xE000 and <= 0xF8FF)) _pua++;
        if (value.All(c => char.IsAsciiDigit(c) || c == '-') && value.Contains('-', StringComparison.Ordinal)) _digitsHyphens++;
        foreach (var rule in CheckDigitRules.Names)
            if (value.All(char.IsAsciiDigit) && CheckDigitRules.IsValid(rule, value)) _checkDigits[rule]++;
    }

    public ColumnProfile Result() => new(name, _rows, _empty, _overflow ? MaxDistinct : _values.Count, _overflow,
        _minLength == int.MaxValue ? 0 : _minLength, _maxLength, _integers, _decimals, _wareki, _compact, _iso, _kana, _pua, _digitsHyphens,
        new Dictionary<string, long>(_checkDigits), _overflow ? new Dictionary<string, long>() : new Dictionary<string, long>(_values));

    // GYYMMDD with a 1-digit era code or letter (3500301, S500301), or GYY.MM.DD; 0000000 is a 不詳 date.
    [GeneratedRegex(@"^([0-9]|[MTSHR])[0-9]{2}\.?[0-9]{2}\.?[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex WarekiPattern();
}
