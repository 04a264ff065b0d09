using System.Globalization;
using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary>
/// <c>date: yyyyMMdd</c>: a Gregorian (西暦) date in a .NET pattern → ISO YYYY-MM-DD. A date with a real
/// month and a day up to 31 that is not on the calendar (1990年2月30日, as foreign residents' documents
/// can carry) is 暦上日以外: kept, as the wareki transform keeps it, where the item has 不詳 companions
/// (<paramref name="keepsUnknown"/>), else rejected naming why.
/// </summary>
internal sealed class GregorianDateTransform(string pattern, string itemName = "this item", bool keepsUnknown = false) : ITransform
{
    // Where the digits of each field sit, when the pattern is fixed-width (yyyyMMdd, yyyy/MM/dd): only
    // then can a value that is not a date be read as year, month and day.
    private readonly (int Year, int Month, int Day)? _positions = Positions(pattern);

    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        output = input;
        problem = null;
        if (string.IsNullOrEmpty(input.Value)) return true;
        if (DateOnly.TryParseExact(input.Value, pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            output = new Cell(Text.IsoDate.Format(date));
            return true;
        }
        if (NotOnCalendar(input.Value) is { } written)
        {
            if (keepsUnknown)
            {
                output = new Cell(null, DateUnknown: true, UnknownText: written);
                return true;
            }
            problem = new Problem(ErrorCodes.DateInvalid, $"{written} does not exist, and {itemName} cannot hold a date that is not on the calendar (暦上日以外)");
            return false;
        }
        problem = new Problem(ErrorCodes.DateInvalid, $"not a valid date in the form {pattern}");
        return false;
    }

    /// <summary>"1990年2月30日" when the value has the pattern's shape, a month 1-12 and a day 1-31 past its month's end.</summary>
    private string? NotOnCalendar(string value)
    {
        if (_positions is not { } at || value.Length != pattern.Length) return null;
        if (!Number(value, at.Year, 4, out var year) || !Number(value, at.Month, 2, out var month) || !Number(value, at.Day, 2, out var day)) return null;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day is < 1 or > 31 || day <= DateTime.DaysInMonth(year, month)) return null;
        return string.Create(CultureInfo.InvariantCulture, $"{year}年{month}月{day}日");
    }

    private static bool Number(string value, int start, int length, out int number) =>
        int.TryParse(value.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture, out number);

    private static (int, int, int)? Positions(string pattern)
    {
        var year = pattern.IndexOf("yyyy", StringComparison.Ordinal);
        var month = pattern.IndexOf("MM", StringComparison.Ordinal);
        var day = pattern.IndexOf("dd", StringComparison.Ordinal);
        // Only yyyy, MM, dd and literal separators: no M, d, MMM, quotes or other fields of variable width.
        var rest = pattern.Replace("yyyy", "", StringComparison.Ordinal).Replace("MM", "", StringComparison.Ordinal).Replace("dd", "", StringComparison.Ordinal);
        var fixedWidth = year >= 0 && month >= 0 && day >= 0 && !rest.Any(char.IsLetter) && !rest.Contains('\'', StringComparison.Ordinal) && !rest.Contains('\\', StringComparison.Ordinal);
        return fixedWidth ? (year, month, day) : null;
    }
}
