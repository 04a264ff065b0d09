using System.Text.RegularExpressions;
using Migrate.Core.Mapping;

namespace Migrate.Core.Extract.Database;

/// <summary>
/// The tables of the legacy databases that the mapping does not read — the database counterpart of
/// files in the export folder that no source names (an unmapped-table finding in the report). A
/// table counts as read when a source names it under <c>table</c> or a source's <c>query</c>
/// mentions it as a word. Each (connection, schema) the sources use is listed once.
/// </summary>
internal static partial class UnlistedTables
{
    public static async Task<IReadOnlyList<string>> FindAsync(
        IReadOnlyCollection<SourceDefinition> sources, Func<SourceDefinition, SourceConnection> connectionFor, IDatabaseSourceReader databases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(connectionFor);
        ArgumentNullException.ThrowIfNull(databases);
        var unlisted = new SortedSet<string>(StringComparer.Ordinal);
        var read = new List<(DatabaseSourceSpec Spec, SourceConnection Connection)>();
        foreach (var source in sources)
            if (source.Options is DatabaseSourceSpec spec) read.Add((spec, connectionFor(source)));
        foreach (var group in read.GroupBy(r => (r.Connection, r.Spec.Schema)))
        {
            var named = group.Select(r => r.Spec.Table).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            var queryWords = read.Where(r => r.Connection == group.Key.Connection).Select(r => r.Spec.Query).OfType<string>()
                .SelectMany(q => Word().Matches(q).Select(m => m.Value))
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
