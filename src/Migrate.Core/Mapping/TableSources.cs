namespace Migrate.Core.Mapping;

/// <summary>
/// The columns a table mapping can read: its own source's columns, then each joined source's
/// columns as <c>SOURCE.COLUMN</c>, in join order.
/// </summary>
internal static class TableSources
{
    public const char Separator = '.';

    /// <summary>The table's source seen with its joins: same id and file, columns extended by the joined ones.</summary>
    public static SourceDefinition View(IReadOnlyDictionary<string, SourceDefinition> sources, TableMapping table)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(table);
        var source = sources[table.From];
        if (table.Joins.Count == 0) return source;
        var columns = new List<string>(source.Columns);
        foreach (var join in table.Joins)
            columns.AddRange(sources[join.Source].Columns.Select(c => Qualified(join.Source, c)));
        return source with { Columns = columns };
    }

    public static string Qualified(string source, string column) => source + Separator + column;

    /// <summary>Splits <c>SOURCE.COLUMN</c>; a plain column belongs to <paramref name="own"/>.</summary>
    public static (string Source, string Column) Split(string column, string own)
    {
        ArgumentNullException.ThrowIfNull(column);
        var dot = column.IndexOf(Separator, StringComparison.Ordinal);
        return dot < 0 ? (own, column) : (column[..dot], column[(dot + 1)..]);
    }
}
