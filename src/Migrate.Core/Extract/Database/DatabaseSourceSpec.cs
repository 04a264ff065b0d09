using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;

namespace Migrate.Core.Extract.Database;

/// <summary>
/// The options of a <c>format: database</c> source, where it reads its rows: a table (optionally in
/// a schema, read in <see cref="OrderBy"/> order) or a query. The connection string is never part of the mapping: the
/// source names a connection (<see cref="Connection"/>, or the only one given) that comes from the
/// command line or the environment.
/// </summary>
internal sealed record DatabaseSourceSpec(
    string? Connection,
    string? Schema,
    string? Table,
    string? Query,
    IReadOnlyList<string> OrderBy,
    IReadOnlyList<SourcePosition> ColumnPositions,
    SourcePosition ColumnsPosition) : SourceOptions
{
    /// <summary>The name shown in messages, the manifest and the report: the table (schema.table) or <c>query:SOURCE</c>.</summary>
    public static string DisplayName(string sourceId, string? schema, string? table) =>
        table is null ? "query:" + sourceId : schema is null ? table : schema + "." + table;
}
