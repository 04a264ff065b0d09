using Migrate.Core.Text;
using Migrate.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Mapping.Loading;

/// <summary>
/// Reads a <c>format: database</c> source: <c>table</c> (with optional <c>schema</c> and
/// <c>order_by</c>) or <c>query</c>, the <c>columns</c> the rows must have, and an optional
/// <c>connection</c> name. A connection string in the mapping is refused: it would end up in version
/// control and in every copy of the mapping.
/// </summary>
internal static class DatabaseSourceReader
{
    public static SourceDefinition Read(YamlFile yaml, string id, YamlMappingNode s)
    {
        yaml.AllowOnly(s, "format", "connection", "schema", "table", "query", "order_by", "columns");
        var connection = yaml.String(s, "connection");
        if (connection is not null && (connection.Contains('=', StringComparison.Ordinal) || connection.Contains(':', StringComparison.Ordinal)))
            throw yaml.Error(yaml.Require(s, "connection"), $"source '{id}': 'connection' is the name of a --source-connection NAME=CONNECTION, never a connection string (those stay out of the mapping)");
        var table = yaml.String(s, "table");
        var query = yaml.String(s, "query");
        var schema = yaml.String(s, "schema");
        if ((table is null) == (query is null))
            throw yaml.Error(s, $"source '{id}': a database source reads either a 'table' or a 'query' (one of the two)");
        if (query is not null && schema is not null)
            throw yaml.Error(yaml.Require(s, "schema"), $"source '{id}': 'schema' applies to 'table'; qualify the tables inside the query instead");

        var columnsNode = yaml.Get(s, "columns") ?? throw yaml.Error(s, $"source '{id}': list the columns the rows have under 'columns'");
        var columnNodes = yaml.Sequence(columnsNode, $"source '{id}': 'columns'").Children;
        var columns = columnNodes.Select(yaml.Scalar).ToList();
        if (columns.Count == 0) throw yaml.Error(columnsNode, $"source '{id}': list its columns under 'columns'");
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Contains('.', StringComparison.Ordinal))
                throw yaml.Error(columnNodes[i], $"source '{id}': column name '{columns[i]}' must not contain '.' (joined columns are written SOURCE.COLUMN)");
            if (columns.FindIndex(c => string.Equals(c, columns[i], StringComparison.OrdinalIgnoreCase)) != i)
                throw yaml.Error(columnNodes[i], $"source '{id}': column '{columns[i]}' is listed twice (database column names are compared without regard to case)");
        }

        var orderBy = yaml.StringList(s, "order_by");
        if (orderBy.Count > 0 && query is not null)
            throw yaml.Error(yaml.Require(s, "order_by"), $"source '{id}': 'order_by' applies to 'table'; write ORDER BY in the query");
        foreach (var column in orderBy)
        {
            if (!columns.Contains(column, StringComparer.OrdinalIgnoreCase))
                throw yaml.Error(yaml.Require(s, "order_by"), $"source '{id}': order_by column '{column}' is not one of its columns{DidYouMean.Hint(column, columns)}");
        }

        var spec = new DatabaseSourceSpec(connection, schema, table, query, orderBy,
            columnNodes.Select(yaml.Position).ToList(), yaml.Position(columnsNode));
        // Drivers hand over Unicode text, so there is no encoding to declare; "utf-8" keeps code that
        // looks at every source's encoding working.
        return new SourceDefinition(id, DatabaseSourceSpec.DisplayName(id, schema, table), SourceFormat.Database, "utf-8", '\0', false,
            columns, yaml.Position(s))
        {
            Database = spec,
        };
    }
}
