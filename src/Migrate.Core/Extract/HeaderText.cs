using System.Text.RegularExpressions;

namespace Migrate.Core.Extract;

/// <summary>
/// A header cell quoted in an error. A file that is not the source the mapping expects (a wrong path,
/// another export, a system file) has data, not column names, in its first line: only a cell that
/// reads like a plain column name is shown, never anything else of such a file.
/// </summary>
internal static partial class HeaderText
{
    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_ .-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnName();

    public static string Shown(string cell) => ColumnName().IsMatch(cell) ? $"'{cell}'" : "not a plain column name (not shown)";
}
