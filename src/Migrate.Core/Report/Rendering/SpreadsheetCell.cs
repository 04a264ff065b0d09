namespace Migrate.Core.Report.Rendering;

/// <summary>
/// CSV formula injection: a spreadsheet treats a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return as a formula, and the report CSVs carry text from legacy code
/// values, column names and declared titles. As OWASP recommends, such a cell is written with a
/// leading single quote, which Excel shows as text and does not display. This also applies to a
/// value that reads as a negative number ("-1" becomes "'-1"): the counts these files carry are
/// never negative, and a legacy value is text, never a number to compute with.
/// </summary>
internal static class SpreadsheetCell
{
    public static string? Neutralize(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>The value as it was before <see cref="Neutralize"/>: a CSV edited and read back (decisions) gets its own text.</summary>
    public static string? Restore(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
}
