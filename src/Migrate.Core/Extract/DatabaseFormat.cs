using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract.Database;
using Migrate.Core.Mapping;
using Migrate.Core.Rejects;
using Migrate.Core.Text;
using Migrate.Core.Work;
using Migrate.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Extract;

/// <summary>
/// <c>format: database</c>: a table of a legacy database, read in its <c>order_by</c> order, or a
/// query. A row is a record (<c>_line</c> = row number, <c>_offset</c> = 0), so map and load do not
/// know the difference from a file. Rows are streamed through the driver's data reader, never loaded
/// whole. The reader's columns must be exactly the mapping's <c>columns</c> (by name,
/// case-insensitive, in any order).
/// </summary>
internal sealed class DatabaseFormat : ISourceFormat
{
    public const string FormatName = "Database";

    public string Name => FormatName;

    public IReadOnlyList<string> Keys { get; } = ["database"];

    public bool ReadsFile => false;

    /// <summary>
    /// <c>table</c> (with optional <c>schema</c> and <c>order_by</c>) or <c>query</c>, the <c>columns</c>
    /// the rows must have, and an optional <c>connection</c> name. A connection string in the mapping is
    /// refused: it would end up in version control and in every copy of the mapping.
    /// </summary>
    public SourceDefinition ReadDefinition(YamlFile yaml, string id, string key, YamlMappingNode source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        yaml.AllowOnly(source, "format", "connection", "schema", "table", "query", "order_by", "columns");
        var connection = yaml.String(source, "connection");
        if (connection is not null && (connection.Contains('=', StringComparison.Ordinal) || connection.Contains(':', StringComparison.Ordinal)))
            throw yaml.Error(yaml.Require(source, "connection"), $"source '{id}': 'connection' is the name of a --source-connection NAME=CONNECTION, never a connection string (those stay out of the mapping)");
        var table = yaml.String(source, "table");
        var query = yaml.String(source, "query");
        var schema = yaml.String(source, "schema");
        if ((table is null) == (query is null))
            throw yaml.Error(source, $"source '{id}': a database source reads either a 'table' or a 'query' (one of the two)");
        if (query is not null && schema is not null)
            throw yaml.Error(yaml.Require(source, "schema"), $"source '{id}': 'schema' applies to 'table'; qualify the tables inside the query instead");

        var columnsNode = yaml.Get(source, "columns") ?? throw yaml.Error(source, $"source '{id}': list the columns the rows have under 'columns'");
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

        var orderBy = yaml.StringList(source, "order_by");
        if (orderBy.Count > 0 && query is not null)
            throw yaml.Error(yaml.Require(source, "order_by"), $"source '{id}': 'order_by' applies to 'table'; write ORDER BY in the query");
        foreach (var column in orderBy)
        {
            if (!columns.Contains(column, StringComparer.OrdinalIgnoreCase))
                throw yaml.Error(yaml.Require(source, "order_by"), $"source '{id}': order_by column '{column}' is not one of its columns{DidYouMean.Hint(column, columns)}");
        }

        var spec = new DatabaseSourceSpec(connection, schema, table, query, orderBy, columnNodes.Select(yaml.Position).ToList(), yaml.Position(columnsNode));
        return Definition(id, columns, yaml.Position(source), spec);
    }

    /// <summary>
    /// A database source; drivers hand over Unicode text, so there is no encoding to declare: "utf-8"
    /// keeps code that looks at every source's encoding working.
    /// </summary>
    public static SourceDefinition Definition(string id, IReadOnlyList<string> columns, SourcePosition position, DatabaseSourceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SourceDefinition(id, DatabaseSourceSpec.DisplayName(id, spec.Schema, spec.Table), FormatName, "utf-8", columns, position, spec);
    }

    public async Task<ISourceReader> OpenAsync(SourceDefinition source, SourceLocation location, WorkDirectory work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var spec = source.Options as DatabaseSourceSpec ?? throw new ArgumentException($"source '{source.Id}' is not a database source", nameof(source));
        var (connection, databases) = location is DatabaseLocation database
            ? (database.Connection, database.Databases)
            : throw new ArgumentException($"source '{source.Id}' is read from a database", nameof(location));
        ILegacyDatabase? opened = null;
        DbDataReader? rows = null;
        try
        {
            opened = await databases.OpenAsync(connection, cancellationToken);
            var sql = spec.Query ?? await TableQueryAsync(source, spec, connection, opened, cancellationToken);
            rows = await opened.ReadAsync(sql, cancellationToken);
            var ordinals = MatchColumns(source, spec, rows);
            return new Reader(source, spec, connection, opened, rows, ordinals, Sha256(sql));
        }
        catch (Exception e)
        {
            if (rows is not null) await rows.DisposeAsync();
            if (opened is not null) await opened.DisposeAsync();
            if (e is DbException db) throw Failed(source, connection, db);
            throw;
        }
    }

    /// <summary>A rejected row keeps its values: the column's, as it was read.</summary>
    public string? Recover(RejectRecord reject, SourceDefinition source, string column)
    {
        ArgumentNullException.ThrowIfNull(reject);
        return reject.Record?.GetValueOrDefault(column);
    }

    /// <summary>Driver messages name tables, columns and SQL errors, never the connection string.</summary>
    private static MigrateException Failed(SourceDefinition source, SourceConnection connection, DbException e) =>
        MigrateException.Environment($"source '{source.Id}' ({source.File}, {connection.Driver}): {e.Message}", e);

    /// <summary><c>SELECT * FROM schema.table ORDER BY …</c> with the names as the database spells them.</summary>
    private static async Task<string> TableQueryAsync(SourceDefinition source, DatabaseSourceSpec spec, SourceConnection connection, ILegacyDatabase database, CancellationToken cancellationToken)
    {
        var tables = await database.ListTablesAsync(spec.Schema, cancellationToken);
        var wanted = spec.Table ?? throw new ArgumentException($"source '{source.Id}' names neither a table nor a query", nameof(spec));
        var table = tables.FirstOrDefault(t => t == wanted)
            ?? tables.FirstOrDefault(t => string.Equals(t, wanted, StringComparison.OrdinalIgnoreCase))
            ?? throw MigrateException.UsageAt(source.Position,
                $"source '{source.Id}': the {connection.Driver} database has no table '{wanted}'{(spec.Schema is null ? "" : $" in schema '{spec.Schema}'")}{DidYouMean.Hint(wanted, tables)}");
        var from = (spec.Schema is null ? "" : database.Quote(spec.Schema) + ".") + database.Quote(table);
        if (spec.OrderBy.Count == 0) return $"SELECT * FROM {from}";

        // The ORDER BY names are quoted as the table spells them (PostgreSQL folds unquoted names).
        IReadOnlyList<string> names;
        await using (var probe = await database.ReadAsync($"SELECT * FROM {from} WHERE 1 = 0", cancellationToken))
            names = Enumerable.Range(0, probe.FieldCount).Select(probe.GetName).ToList();
        var order = spec.OrderBy.Select(c =>
        {
            var actual = names.FirstOrDefault(n => string.Equals(n, c, StringComparison.OrdinalIgnoreCase))
                ?? throw MissingColumn(source, spec, c, names);
            return database.Quote(actual);
        });
        return $"SELECT * FROM {from} ORDER BY {string.Join(", ", order)}";
    }

    /// <summary>For each mapping column, the reader's ordinal; a missing or extra column is a mapping error at its line.</summary>
    private static int[] MatchColumns(SourceDefinition source, DatabaseSourceSpec spec, DbDataReader reader)
    {
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw MigrateException.UsageAt(source.Position, $"source '{source.Id}': the rows have column '{duplicate.Key}' twice; give each column of the query its own name");
        var ordinals = new int[source.Columns.Count];
        for (var i = 0; i < source.Columns.Count; i++)
        {
            var ordinal = names.FindIndex(n => string.Equals(n, source.Columns[i], StringComparison.OrdinalIgnoreCase));
            if (ordinal < 0) throw MissingColumn(source, spec, source.Columns[i], names);
            ordinals[i] = ordinal;
        }
        var extra = names.FirstOrDefault(n => !source.Columns.Contains(n, StringComparer.OrdinalIgnoreCase));
        if (extra is not null)
            throw MigrateException.UsageAt(spec.ColumnsPosition,
                $"source '{source.Id}': {Rows(source, spec)} have column '{extra}', which is not listed under 'columns'; list it (a column no item uses is reported as a custom column) or read a query without it");
        return ordinals;
    }

    private static MigrateException MissingColumn(SourceDefinition source, DatabaseSourceSpec spec, string column, IReadOnlyList<string> names)
    {
        var index = source.Columns.ToList().FindIndex(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));
        var position = index >= 0 ? spec.ColumnPositions[index] : source.Position;
        return MigrateException.UsageAt(position,
            $"source '{source.Id}': {Rows(source, spec)} have no column '{column}'{DidYouMean.Hint(column, names)} (they have: {string.Join(", ", names)})");
    }

    private static string Rows(SourceDefinition source, DatabaseSourceSpec spec) =>
        spec.Table is null ? "the rows of the query" : $"the rows of table '{source.File}'";

    private static string Sha256(string sql) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));

    private sealed class Reader(SourceDefinition source, DatabaseSourceSpec spec, SourceConnection connection, ILegacyDatabase database, DbDataReader rows, int[] ordinals, string querySha256) : ISourceReader
    {
        private readonly object[] _raw = new object[rows.FieldCount];

        public string Name => source.File;

        public long Position { get; private set; }

        /// <summary>A text column can hold a lone surrogate, which the UTF-8 staging file cannot.</summary>
        public bool MayHoldLoneSurrogates => true;

        public async ValueTask<bool> ReadAsync(SourceRecord record, CancellationToken cancellationToken)
        {
            try
            {
                if (!await rows.ReadAsync(cancellationToken)) return false;
            }
            catch (DbException e)
            {
                throw Failed(source, connection, e);
            }
            var number = ++Position;
            record.Clear();
            record.Line = number;
            record.Offset = 0;
            var values = record.Values;
            // Ascending ordinals: a reader opened for sequential access allows nothing else.
            for (var o = 0; o < _raw.Length; o++) _raw[o] = rows.GetValue(o);
            for (var i = 0; i < ordinals.Length; i++)
            {
                if (DatabaseValueFormatter.TryFormat(_raw[ordinals[i]], out var text))
                {
                    values[i] = text;
                    continue;
                }
                values[i] = "";
                record.Reasons.Add(new RejectReason(ErrorCodes.DatabaseBinary,
                    $"row {number}, column {source.Columns[i]}: a binary value ({((byte[])_raw[ordinals[i]]).Length} bytes) is not text; leave the column out or convert it in a query",
                    null, source.Columns[i]));
            }
            if (record.IsRejected)
            {
                var kept = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < values.Length; i++)
                    kept[source.Columns[i]] = _raw[ordinals[i]] is byte[] bytes ? Convert.ToHexString(bytes) : values[i];
                record.RawValues = kept;
            }
            return true;
        }

        public void Finish()
        {
            // A database reports no problem only its end reveals.
        }

        public SourceOrigin Origin() => new(source.File, querySha256, 0, "database")
        {
            Database = new DatabaseSourceInfo(connection.Driver, spec.Table is null ? null : source.File, querySha256),
        };

        public async ValueTask DisposeAsync()
        {
            try
            {
                await rows.DisposeAsync();
                await database.DisposeAsync();
            }
            catch (DbException e)
            {
                throw Failed(source, connection, e);
            }
        }
    }
}
