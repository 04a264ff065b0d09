using System.Globalization;
using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;

namespace Migrate.Core.Text;

/// <summary>
/// The outcome of reading one legacy date: an ISO date, or a date the standard keeps without one
/// (<see cref="Unknown"/>): a 不詳 date, or a date that is not on the calendar
/// (<see cref="NonCalendar"/>, 暦上日以外: 平成5年2月29日), with its notation. <see cref="EraYear"/>
/// is the era and year as written (明治45年, 大正元年), for the items the standard keeps in 和暦.
/// </summary>
internal readonly record struct WarekiResult(DateOnly? Date, bool Unknown, string? UnknownText, bool NonCalendar = false, string? EraYear = null);

/// <summary>
/// Reads legacy era-coded (和暦) dates with the vendor's era table and spellings. Era boundaries
/// are inclusive so 明治45年7月30日 is accepted, while 昭和64年1月8日 and 平成31年5月1日 are not:
/// 昭和 ended on 1989-01-07 and 平成 on 2019-04-30. A day that does not exist in its month
/// (2月29日 of a common year, 2月30日, 4月31日) is read as 暦上日以外; whether an item may hold one is
/// the caller's decision (standard 1.1.8 allows it for 生年月日 and a few other dates only).
/// </summary>
internal sealed class WarekiParser
{
    // Arrays and span comparisons throughout: every date value of every row passes here, and the
    // LINQ lookups and substrings this had were an allocation or more per value.
    private readonly DateFormatDefinition _format;
    private readonly EraDefinition[] _eras;
    private readonly WarekiPattern[] _patterns;
    private readonly WarekiUnknownForm[] _unknownForms;
    private readonly string[] _unknownMarkers;

    // "明治45年" per era and year, made once: the era as written is kept for every 生年月日.
    private readonly string?[][] _eraYears;

    public WarekiParser(DateFormatDefinition format, IReadOnlyList<EraDefinition> eras)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(eras);
        _format = format;
        _eras = [.. eras];
        _patterns = [.. format.Formats.Select(WarekiPattern.Compile)];
        _unknownForms = [.. format.UnknownForms.Select(WarekiUnknownForm.Compile)];
        _unknownMarkers = [.. format.UnknownMarkers];
        _eraYears = [.. _eras.Select(_ => new string?[100])];
        if ((_patterns.Any(p => p.HasEra) || _unknownForms.Any(f => f.Tokens.Any(t => t.Kind is WarekiUnknownForm.Kind.EraName or WarekiUnknownForm.Kind.EraChar or WarekiUnknownForm.Kind.EraCode2)))
            && eras.Count == 0)
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
        foreach (var form in _unknownForms)
        {
            var parts = new Parts(null, -1, -1, -1);
            if (MatchForm(form.Tokens, 0, input, 0, ref parts))
                return ResolveUnknownForm(input, parts, out result, out problem);
        }
        if (input.Length > 0 && StartsWithEraCharAt(input.Length) && FindEra(input.AsSpan(0, 1)) is null)
        {
            problem = new Problem(ErrorCodes.DateEraUnknown, $"era code '{input[0]}' is not in the mapping's era table");
            return false;
        }
        var forms = _unknownForms.Length == 0 ? "" : $" or the 不詳 forms {string.Join(", ", _unknownForms.Select(f => f.Text))}";
        problem = new Problem(ErrorCodes.DateFormat, $"not a date in any of the formats {string.Join(", ", _format.Formats)}{forms} (length {input.Length})");
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
            if (year == 0)
            {
                result = new WarekiResult(null, true, "年月日不詳");
                return true;
            }
            // 昭和64年2月日不詳 or 昭和99年月日不詳 names a time that never was: not a 不詳 date.
            if (!WithinEra(era, year, month, -1, out problem)) return false;
            var text = month == 0 ? $"{eraName}{YearText(era, year)}年月日不詳" : $"{eraName}{YearText(era, year)}年{month}月日不詳";
            result = new WarekiResult(null, true, text, EraYear: EraYear(era, year));
            return true;
        }

        var gregorianYear = era is null ? year : era.Start.Year + year - 1;
        if (month is < 1 or > 12 || gregorianYear is < 1 or > 9999 || day is < 1 or > 31)
        {
            problem = new Problem(ErrorCodes.DateInvalid, $"{Written(era, year, month, day)} does not exist");
            return false;
        }
        if (day > DateTime.DaysInMonth(gregorianYear, month))
        {
            // 暦上日以外 (平成5年2月29日): kept as written where the standard allows it, if its month was in the era.
            if (!WithinEra(era, year, month, -1, out problem)) return false;
            if (_format.GregorianFrom is { } start && new DateOnly(gregorianYear, month, 1) < start)
            {
                problem = BeforeGregorian(new DateOnly(gregorianYear, month, 1), start);
                return false;
            }
            result = new WarekiResult(null, true, Written(era, year, month, day), NonCalendar: true, EraYear: EraYear(era, year));
            return true;
        }
        var date = new DateOnly(gregorianYear, month, day);
        if (era is not null && (date < era.Start || (era.End is { } end && date > end)))
        {
            problem = OutsideEra(era, $"{era.Name}{YearText(era, year)}年{month}月{day}日");
            return false;
        }
        if (_format.GregorianFrom is { } from && date < from)
        {
            problem = BeforeGregorian(date, from);
            return false;
        }
        result = new WarekiResult(date, false, null, EraYear: EraYear(era, year));
        return true;
    }

    /// <summary>A value in one of the mapping's 不詳 forms: kept as written once the time it names is checked.</summary>
    private bool ResolveUnknownForm(string input, Parts parts, out WarekiResult result, out Problem? problem)
    {
        result = default;
        if (parts.Year == 0 || parts.Month == 0 || parts.Month > 12 || parts.Day == 0 || parts.Day > 31)
        {
            problem = new Problem(ErrorCodes.DateInvalid, $"{Written(parts.Era, parts.Year, parts.Month, parts.Day)} in a 不詳 form names no time that exists");
            return false;
        }
        if (parts.Year > 0 && !WithinEra(parts.Era, parts.Year, parts.Month, parts.Day, out problem)) return false;
        problem = null;
        result = new WarekiResult(null, true, input, EraYear: parts.Year > 0 ? EraYear(parts.Era, parts.Year) : null);
        return true;
    }

    /// <summary>
    /// Whether the era's year (and month, and day when the date exists) lie inside the era: 昭和64年
    /// has January only, 平成31年 ends in April, and an era year past the era's last year never was.
    /// </summary>
    private static bool WithinEra(EraDefinition? era, int year, int month, int day, out Problem? problem)
    {
        problem = null;
        if (era is null) return true;
        var gregorianYear = era.Start.Year + year - 1;
        DateOnly first, last;
        if (month < 1)
        {
            first = new DateOnly(Math.Min(gregorianYear, 9999), 1, 1);
            last = new DateOnly(Math.Min(gregorianYear, 9999), 12, 31);
        }
        else if (day >= 1 && gregorianYear <= 9999 && day <= DateTime.DaysInMonth(gregorianYear, month))
        {
            first = last = new DateOnly(gregorianYear, month, day);
        }
        else
        {
            first = new DateOnly(Math.Min(gregorianYear, 9999), month, 1);
            last = new DateOnly(first.Year, month, DateTime.DaysInMonth(first.Year, month));
        }
        if (gregorianYear <= 9999 && last >= era.Start && (era.End is not { } end || first <= end)) return true;
        problem = OutsideEra(era, $"{era.Name}{YearText(era, year)}年{(month >= 1 ? $"{month}月" : "")}{(month >= 1 && day >= 1 ? $"{day}日" : "")}");
        return false;
    }

    private static Problem OutsideEra(EraDefinition era, string written)
    {
        var range = era.End is { } e ? $"{era.Start:yyyy-MM-dd} to {e:yyyy-MM-dd}" : $"from {era.Start:yyyy-MM-dd}";
        return new Problem(ErrorCodes.DateEraOutOfRange, $"{written} is outside {era.Name} ({range})");
    }

    private static Problem BeforeGregorian(DateOnly date, DateOnly from) =>
        new(ErrorCodes.DateBeforeGregorian, $"{date:yyyy-MM-dd} is before {from:yyyy-MM-dd}, when the Gregorian calendar was adopted; such dates are lunisolar");

    private static string Written(EraDefinition? era, int year, int month, int day) =>
        era is null ? $"{year}年{Part(month, "月")}{Part(day, "日")}" : $"{era.Name}{YearText(era, year)}年{Part(month, "月")}{Part(day, "日")}";

    private static string Part(int value, string unit) => value < 0 ? "" : value.ToString(CultureInfo.InvariantCulture) + unit;

    private static string YearText(EraDefinition? era, int year) =>
        era is not null && year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The era and year (明治45年, 大正元年); null for a Gregorian date.</summary>
    private string? EraYear(EraDefinition? era, int year)
    {
        if (era is null) return null;
        var index = Array.IndexOf(_eras, era);
        if (year is < 0 or > 99) return $"{era.Name}{YearText(era, year)}年";
        return _eraYears[index][year] ??= $"{era.Name}{YearText(era, year)}年";
    }

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

    private record struct Parts(EraDefinition? Era, int Year, int Month, int Day);

    /// <summary>Matches a 不詳 form from token <paramref name="t"/> at <paramref name="pos"/>, trying every width of * and of the numbers.</summary>
    private bool MatchForm(WarekiUnknownForm.Token[] tokens, int t, string input, int pos, ref Parts parts)
    {
        if (t == tokens.Length) return pos == input.Length;
        var token = tokens[t];
        var saved = parts;
        switch (token.Kind)
        {
            case WarekiUnknownForm.Kind.Literal:
                return pos < input.Length && input[pos] == token.Literal && MatchForm(tokens, t + 1, input, pos + 1, ref parts);
            case WarekiUnknownForm.Kind.Any:
                for (var end = input.Length; end >= pos; end--)
                {
                    if (MatchForm(tokens, t + 1, input, end, ref parts)) return true;
                    parts = saved;
                }
                return false;
            case WarekiUnknownForm.Kind.EraName:
                {
                    var era = FindEraNamed(input.AsSpan(pos));
                    if (era is null) return false;
                    parts.Era = era;
                    return MatchForm(tokens, t + 1, input, pos + era.Name.Length, ref parts);
                }
            case WarekiUnknownForm.Kind.EraChar or WarekiUnknownForm.Kind.EraCode2:
                {
                    var width = token.Kind == WarekiUnknownForm.Kind.EraChar ? 1 : 2;
                    if (pos + width > input.Length || FindEra(input.AsSpan(pos, width)) is not { } era) return false;
                    parts.Era = era;
                    return MatchForm(tokens, t + 1, input, pos + width, ref parts);
                }
            default:
                {
                    if (token.Kind == WarekiUnknownForm.Kind.Year && pos < input.Length && input[pos] == '元')
                    {
                        parts.Year = 1;
                        if (MatchForm(tokens, t + 1, input, pos + 1, ref parts)) return true;
                        parts = saved;
                        return false;
                    }
                    var value = 0;
                    for (var width = 1; width <= 2 && pos + width <= input.Length; width++)
                    {
                        var digit = DigitValue(input[pos + width - 1]);
                        if (digit < 0) break;
                        value = value * 10 + digit;
                        if (width < token.MinDigits) continue;
                        switch (token.Kind)
                        {
                            case WarekiUnknownForm.Kind.Year: parts.Year = value; break;
                            case WarekiUnknownForm.Kind.Month: parts.Month = value; break;
                            default: parts.Day = value; break;
                        }
                        if (MatchForm(tokens, t + 1, input, pos + width, ref parts)) return true;
                        parts = saved;
                    }
                    return false;
                }
        }
    }

    /// <summary>0–9 half- or full-width (free-text 不詳 is often typed with full-width digits); -1 otherwise.</summary>
    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        _ => -1,
    };

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
