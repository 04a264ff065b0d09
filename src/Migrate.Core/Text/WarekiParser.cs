using System.Globalization;
using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;

namespace Migrate.Core.Text;

/// <summary>The outcome of reading one legacy date: an ISO date, or a 不詳 date with its notation.</summary>
public readonly record struct WarekiResult(DateOnly? Date, bool Unknown, string? UnknownText);

/// <summary>
/// Reads legacy era-coded (和暦) dates with the vendor's era table and spellings. Era boundaries
/// are inclusive so 明治45年7月30日 is accepted, while 昭和64年1月8日 and 平成31年5月1日 are not:
/// 昭和 ended on 1989-01-07 and 平成 on 2019-04-30.
/// </summary>
public sealed class WarekiParser
{
    // Arrays and span comparisons throughout: every date value of every row passes here, and the
    // LINQ lookups and substrings this had were an allocation or more per value.
    private readonly DateFormatDefinition _format;
    private readonly EraDefinition[] _eras;
    private readonly WarekiPattern[] _patterns;
    private readonly string[] _unknownMarkers;

    public WarekiParser(DateFormatDefinition format, IReadOnlyList<EraDefinition> eras)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(eras);
        _format = format;
        _eras = [.. eras];
        _patterns = [.. format.Formats.Select(WarekiPattern.Compile)];
        _unknownMarkers = [.. format.UnknownMarkers];
        if (_patterns.Any(p => p.HasEra) && eras.Count == 0)
            throw new FormatException($"date format '{format.Id}' uses era codes, but the mapping has no 'eras' table");
    }

    public bool TryParse(string input, out WarekiResult result, out Problem? problem)
    {
        ArgumentNullException.ThrowIfNull(input);
        result = default;
        problem = null;
        if (Array.IndexOf(_unknownMarkers, input) >= 0)
        {
            result = new WarekiResult(null, true, input);
            return true;
        }
        foreach (var pattern in _patterns)
        {
            if (Match(pattern, input, out var era, out var year, out var month, out var day))
                return Resolve(era, year, month, day, out result, out problem);
        }
        if (input.Length > 0 && StartsWithEraCharAt(input.Length) && FindEra(input.AsSpan(0, 1)) is null)
        {
            problem = new Problem(ErrorCodes.DateEraUnknown, $"era code '{input[0]}' is not in the mapping's era table");
            return false;
        }
        problem = new Problem(ErrorCodes.DateFormat, $"not a date in any of the formats {string.Join(", ", _format.Formats)} (length {input.Length})");
        return false;
    }

    // A loop, not a lambda: a lambda capturing the input would cost an allocation on every call,
    // the valid dates included (242 MB in a 1M-person run).
    private bool StartsWithEraCharAt(int length)
    {
        foreach (var pattern in _patterns)
            if (pattern.FixedLength == length && pattern.Tokens[0].Kind == WarekiPattern.Kind.EraChar) return true;
        return false;
    }

    private bool Resolve(EraDefinition? era, int year, int month, int day, out WarekiResult result, out Problem? problem)
    {
        result = default;
        problem = null;
        var eraName = era?.Name ?? "";
        if (_format.UnknownZero && (year == 0 || month == 0 || day == 0))
        {
            if (year == 0 && (month != 0 || day != 0))
            {
                problem = new Problem(ErrorCodes.DateInvalid, "year is 0 while month or day is given");
                return false;
            }
            if (month is < 0 or > 12 || (month == 0 && day != 0))
            {
                problem = new Problem(ErrorCodes.DateInvalid, $"month {month} with day {day} is not a 不詳 date");
                return false;
            }
            var text = year == 0 ? "年月日不詳"
                : month == 0 ? $"{eraName}{YearText(era, year)}年月日不詳"
                : $"{eraName}{YearText(era, year)}年{month}月日不詳";
            result = new WarekiResult(null, true, text);
            return true;
        }

        var gregorianYear = era is null ? year : era.Start.Year + year - 1;
        if (month is < 1 or > 12 || gregorianYear is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(gregorianYear, month))
        {
            problem = new Problem(ErrorCodes.DateInvalid, $"{eraName}{YearText(era, year)}年{month}月{day}日 does not exist");
            return false;
        }
        var date = new DateOnly(gregorianYear, month, day);
        if (era is not null && (date < era.Start || (era.End is { } end && date > end)))
        {
            var range = era.End is { } e ? $"{era.Start:yyyy-MM-dd} to {e:yyyy-MM-dd}" : $"from {era.Start:yyyy-MM-dd}";
            problem = new Problem(ErrorCodes.DateEraOutOfRange, $"{era.Name}{YearText(era, year)}年{month}月{day}日 is outside {era.Name} ({range})");
            return false;
        }
        if (_format.GregorianFrom is { } from && date < from)
        {
            problem = new Problem(ErrorCodes.DateBeforeGregorian, $"{date:yyyy-MM-dd} is before {from:yyyy-MM-dd}, when the Gregorian calendar was adopted; such dates are lunisolar");
            return false;
        }
        result = new WarekiResult(date, false, null);
        return true;
    }

    private static string YearText(EraDefinition? era, int year) =>
        era is not null && year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);

    private bool Match(WarekiPattern pattern, string input, out EraDefinition? era, out int year, out int month, out int day)
    {
        era = null;
        year = month = day = -1;
        var pos = 0;
        foreach (var token in pattern.Tokens)
        {
            switch (token.Kind)
            {
                case WarekiPattern.Kind.Literal:
                    if (pos >= input.Length || input[pos] != token.Literal) return false;
                    pos++;
                    break;
                case WarekiPattern.Kind.EraChar:
                    if (pos >= input.Length) return false;
                    era = FindEra(input.AsSpan(pos, 1));
                    if (era is null && !(_format.UnknownZero && input[pos] == '0')) return false;
                    pos++;
                    break;
                case WarekiPattern.Kind.EraCode2:
                    if (pos + 2 > input.Length) return false;
                    era = FindEra(input.AsSpan(pos, 2));
                    if (era is null && !(_format.UnknownZero && input.AsSpan(pos, 2) is "00")) return false;
                    pos += 2;
                    break;
                case WarekiPattern.Kind.EraName:
                    era = FindEraNamed(input.AsSpan(pos));
                    if (era is null) return false;
                    pos += era.Name.Length;
                    break;
                case WarekiPattern.Kind.Year2 or WarekiPattern.Kind.Year:
                    if (pos < input.Length && input[pos] == '元')
                    {
                        year = 1;
                        pos++;
                    }
                    else if (!Digits(input, ref pos, token.Kind == WarekiPattern.Kind.Year2 ? 2 : 1, 2, out year)) return false;
                    break;
                case WarekiPattern.Kind.Year4:
                    if (!Digits(input, ref pos, 4, 4, out year)) return false;
                    break;
                case WarekiPattern.Kind.Month2 or WarekiPattern.Kind.Month:
                    if (!Digits(input, ref pos, token.Kind == WarekiPattern.Kind.Month2 ? 2 : 1, 2, out month)) return false;
                    break;
                case WarekiPattern.Kind.Day2 or WarekiPattern.Kind.Day:
                    if (!Digits(input, ref pos, token.Kind == WarekiPattern.Kind.Day2 ? 2 : 1, 2, out day)) return false;
                    break;
            }
        }
        if (pos != input.Length) return false;
        // An unknown era code is only acceptable on an all-zero (不詳) date.
        return !pattern.HasEra || era is not null || (year == 0 && month == 0 && day == 0);
    }

    /// <summary>The era whose code or letter is <paramref name="spelling"/>.</summary>
    private EraDefinition? FindEra(ReadOnlySpan<char> spelling)
    {
        foreach (var era in _eras)
            if (spelling.SequenceEqual(era.Code) || (era.Letter is not null && spelling.SequenceEqual(era.Letter))) return era;
        return null;
    }

    /// <summary>The era whose name <paramref name="text"/> starts with.</summary>
    private EraDefinition? FindEraNamed(ReadOnlySpan<char> text)
    {
        foreach (var era in _eras)
            if (text.StartsWith(era.Name, StringComparison.Ordinal)) return era;
        return null;
    }

    private static bool Digits(string input, ref int pos, int min, int max, out int value)
    {
        value = 0;
        var start = pos;
        while (pos < input.Length && pos - start < max && input[pos] is >= '0' and <= '9')
        {
            value = value * 10 + (input[pos] - '0');
            pos++;
        }
        return pos - start >= min;
    }
}
