using System.Text.RegularExpressions;
using Migrate.Core.Mapping;

namespace Migrate.Core.Extract.Database;

/// <summary>
/// The tables of the legacy databases that the mapping does not read — the database counterpart of
/// files in the export folder that no source names (an unmapped-table finding in the report). A
/// table counts as read when a source names it under <c>table</c> or a source's <c>query</c>
/// mentions it as a word. Each (connection, schema) the sources use is listed once.
/// </summary>
public static partial class UnlistedTables
{
    public static async Task<IReadOnlyList<string>> FindAsync(
        IReadOnlyCollection<SourceDefinition> sources, Func<SourceDefinition, SourceConnection> connectionFor, IDatabaseSourceReader databases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(connectionFor);
        ArgumentNullException.ThrowIfNull(databases);
        var unlisted = new SortedSet<string>(StringComparer.Ordinal);
        var groups = sources.Where(s => s.Database is not null)
            .GroupBy(s => (Connection: connectionFor(s), s.Database!.Schema));
        foreach (var group in groups)
        {
            var onConnection = sources.Where(s => s.Database is not null && connectionFor(s) == group.Key.Connection).ToList();
            var named = group.Where(s => s.Database!.Table is not null).Select(s => s.Database!.Table!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var queryWords = onConnection.Where(s => s.Database!.Query is not null)
                .SelectMany(s => Word().Matches(s.Database!.Query!).Select(m => m.Value))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            IReadOnlyList<string> tables;
            try
            {
                await using var database = await databases.OpenAsync(group.Key.Connection, cancellationToken);
                tables = await database.ListTablesAsync(group.Key.Schema, cancellationToken);
            }
            catch (System.Data.Common.DbException e)
            {
                throw Diagnostics.MigrateException.Environment($"listing the tables of the {group.Key.Connection.Driver} database: {e.Message}", e);
            }
            foreach (var table in tables)
            {
                if (named.Contains(table) || queryWords.Contains(table)) continue;
                unlisted.Add(group.Key.Schema is null ? table : group.Key.Schema + "." + table);
            }
        }
        return [.. unlisted];
    }

    [GeneratedRegex(@"[\p{L}\p{N}_]+")]
    private static partial Regex Word();
}
