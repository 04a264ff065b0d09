using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Rejects;
using Migrate.Core.Text;
using Migrate.Core.Work;

namespace Migrate.Core.Extract.Database;

/// <summary>
/// Extracts a <c>format: database</c> source (a table, read in its <c>order_by</c> order, or a query)
/// into the same UTF-8 staging format as the file extractors (<c>_line</c> = row number,
/// <c>_offset</c> = 0, then the mapping's columns), so map and load do not know the difference.
/// Rows are streamed through the driver's data reader, never loaded whole. The reader's columns must
/// be exactly the mapping's <c>columns</c> (by name, case-insensitive, in any order).
/// </summary>
public sealed class DatabaseExtractor(SourceDefinition source, SourceConnection connection, IDatabaseSourceReader databases, WorkDirectory work) : ISourceExtractor
{
    /// <summary>Stop after this many records (<c>migrate init --sample</c>); all when null.</summary>
    public long? MaxRecords { get; init; }

    public async Task<ExtractResult> ExtractAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var spec = source.Database ?? throw new InvalidOperationException($"source '{source.Id}' is not a database source");
        var clock = Stopwatch.StartNew();
        try
        {
            await using var database = await databases.OpenAsync(connection, cancellationToken);
            var sql = spec.Query ?? await TableQueryAsync(database, spec, cancellationToken);
            await using var reader = await database.ReadAsync(sql, cancellationToken);
            var ordinals = MatchColumns(reader, spec);
            var result = await StageAsync(reader, ordinals, progress, cancellationToken);
            var hash = Sha256(sql);
            return result with
            {
                Seconds = clock.Elapsed.TotalSeconds,
                FileSha256 = hash,
                Database = new DatabaseSourceInfo(connection.Driver, spec.Table is null ? null : source.File, hash),
            };
        }
        catch (DbException e)
        {
            // Driver messages name tables, columns and SQL errors, never the connection string.
            throw MigrateException.Environment($"source '{source.Id}' ({source.File}, {connection.Driver}): {e.Message}", e);
        }
    }

    /// <summary><c>SELECT * FROM schema.table ORDER BY …</c> with the names as the database spells them.</summary>
    private async Task<string> TableQueryAsync(ILegacyDatabase database, DatabaseSourceSpec spec, CancellationToken cancellationToken)
    {
        var tables = await database.ListTablesAsync(spec.Schema, cancellationToken);
        var table = tables.FirstOrDefault(t => t == spec.Table)
            ?? tables.FirstOrDefault(t => string.Equals(t, spec.Table, StringComparison.OrdinalIgnoreCase))
            ?? throw MigrateException.UsageAt(source.Position,
                $"source '{source.Id}': the {connection.Driver} database has no table '{spec.Table}'{(spec.Schema is null ? "" : $" in schema '{spec.Schema}'")}{DidYouMean.Hint(spec.Table!, tables)}");
        var from = (spec.Schema is null ? "" : database.Quote(spec.Schema) + ".") + database.Quote(table);
        if (spec.OrderBy.Count == 0) return $"SELECT * FROM {from}";

        // The ORDER BY names are quoted as the table spells them (PostgreSQL folds unquoted names).
        IReadOnlyList<string> names;
        await using (var probe = await database.ReadAsync($"SELECT * FROM {from} WHERE 1 = 0", cancellationToken))
            names = Enumerable.Range(0, probe.FieldCount).Select(probe.GetName).ToList();
        var order = spec.OrderBy.Select(c =>
        {
            var actual = names.FirstOrDefault(n => string.Equals(n, c, StringComparison.OrdinalIgnoreCase))
                ?? throw MissingColumn(c, names);
            return database.Quote(actual);
        });
        return $"SELECT * FROM {from} ORDER BY {string.Join(", ", order)}";
    }

    /// <summary>For each mapping column, the reader's ordinal; a missing or extra column is a mapping error at its line.</summary>
    private int[] MatchColumns(DbDataReader reader, DatabaseSourceSpec spec)
    {
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var duplicate = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw MigrateException.UsageAt(source.Position, $"source '{source.Id}': the rows have column '{duplicate.Key}' twice; give each column of the query its own name");
        var ordinals = new int[source.Columns.Count];
        for (var i = 0; i < source.Columns.Count; i++)
        {
            var ordinal = names.FindIndex(n => string.Equals(n, source.Columns[i], StringComparison.OrdinalIgnoreCase));
            if (ordinal < 0) throw MissingColumn(source.Columns[i], names);
            ordinals[i] = ordinal;
        }
        var extra = names.FirstOrDefault(n => !source.Columns.Contains(n, StringComparer.OrdinalIgnoreCase));
        if (extra is not null)
            throw MigrateException.UsageAt(spec.ColumnsPosition,
                $"source '{source.Id}': {Rows()} have column '{extra}', which is not listed under 'columns'; list it (a column no item uses is reported as a custom column) or read a query without it");
        return ordinals;
    }

    private MigrateException MissingColumn(string column, IReadOnlyList<string> names)
    {
        var index = source.Columns.ToList().FindIndex(c => string.Equals(c, column, StringComparison.OrdinalIgnoreCase));
        var position = index >= 0 ? source.Database!.ColumnPositions[index] : source.Position;
        return MigrateException.UsageAt(position,
            $"source '{source.Id}': {Rows()} have no column '{column}'{DidYouMean.Hint(column, names)} (they have: {string.Join(", ", names)})");
    }

    private string Rows() => source.Database!.Table is null ? "the rows of the query" : $"the rows of table '{source.File}'";

    private async Task<ExtractResult> StageAsync(DbDataReader reader, int[] ordinals, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        long records = 0, staged = 0;
        using var rejects = new RejectWriter(work.ExtractRejects(source.Id));
        var raw = new object[reader.FieldCount];
        var values = new string[ordinals.Length];
        var reasons = new List<RejectReason>();
        var staging = new StagingWriter(work, source, mayHoldLoneSurrogates: true);
        using (staging)
        {
            while ((MaxRecords is not { } max || records < max) && await reader.ReadAsync(cancellationToken))
            {
                records++;
                // Ascending ordinals: a reader opened for sequential access allows nothing else.
                for (var o = 0; o < raw.Length; o++) raw[o] = reader.GetValue(o);
                reasons.Clear();
                for (var i = 0; i < ordinals.Length; i++)
                {
                    if (DatabaseValueFormatter.TryFormat(raw[ordinals[i]], out var text))
                    {
                        values[i] = text;
                        continue;
                    }
                    values[i] = "";
                    reasons.Add(new RejectReason(ErrorCodes.DatabaseBinary,
                        $"row {records}, column {source.Columns[i]}: a binary value ({((byte[])raw[ordinals[i]]).Length} bytes) is not text; leave the column out or convert it in a query",
                        null, source.Columns[i]));
                }
                if (reasons.Count > 0)
                {
                    var record = new Dictionary<string, string?>(StringComparer.Ordinal);
                    for (var i = 0; i < values.Length; i++)
                        record[source.Columns[i]] = raw[ordinals[i]] is byte[] bytes ? Convert.ToHexString(bytes) : values[i];
                    rejects.Write(new RejectRecord("extract", source.Id, source.File, records, 0, [.. reasons], record));
                    continue;
                }
                staging.Write(records, 0, values);
                staged++;
                if ((records & 0x3FFF) == 0) progress?.Report(records);
            }
        }
        progress?.Report(records);
        return new ExtractResult(source.Id, source.File, "", 0, "database", records, staged, rejects.Count,
            new Dictionary<string, long>(rejects.ByReason), work.Relative(staging.Path), staging.Sha256, 0) { Rejects = rejects.Complete(work) };
    }

    private static string Sha256(string sql) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
}
