using Migrate.Core.Standard;
using Migrate.Core.Text;

namespace Migrate.Core.Authoring;

/// <summary>
/// Matches legacy column names to standard items by the names the standard gives each item: its ID,
/// Japanese and English name and its <c>synonyms</c>. Nothing domain-specific lives here.
/// </summary>
internal static class ColumnMatcher
{
    /// <summary>
    /// A column whose name is one of the item's names (ignoring case, '_', '-' and spaces), or null. The
    /// item's own ID wins over its other names, and those over its synonyms, in their order (a table with
    /// both PERSON_ID and ATENA_NO gives atena_no the ATENA_NO column, wherever it stands).
    /// </summary>
    public static string? ExactByName(StandardItem item, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(columns);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in columns) byName.TryAdd(Normalize(column), column);
        return NamesOf(item).Select(n => byName.GetValueOrDefault(Normalize(n))).FirstOrDefault(c => c is not null);
    }

    /// <summary>An exact match, else the column closest to one of the item's names (a typo-sized difference), or null.</summary>
    public static string? BestByName(StandardItem item, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(columns);
        if (ExactByName(item, columns) is { } exact) return exact;
        foreach (var name in NamesOf(item))
            if (DidYouMean.Closest(name, columns) is { } close) return close;
        return null;
    }

    public static IEnumerable<string> NamesOf(StandardItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        yield return item.Id;
        yield return item.Name;
        if (item.English.Length > 0) yield return item.English;
        foreach (var synonym in item.Synonyms) yield return synonym;
    }

    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new string(name.Where(c => c is not ('_' or '-' or ' ' or '　')).ToArray()).ToUpperInvariant();
    }
}
