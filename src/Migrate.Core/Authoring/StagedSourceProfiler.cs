using System.Data.Common;
using System.Globalization;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Extract.Database;
using Migrate.Core.Mapping;
using Migrate.Core.Text;
using Migrate.Core.Work;
using Migrate.Core.Yaml;

namespace Migrate.Core.Authoring;

/// <summary>
/// Profiles a fixed-width file (with the record layout the user gives) or a database table through
/// the same readers <c>run</c> extracts with (<see cref="RecordProfiler"/>), so the profile sees exactly
/// the values the map stage will see, and records extraction would reject (wrong length, split
/// character, binary value …) are counted as unreadable.
/// </summary>
internal static class StagedSourceProfiler
{
    private const string LayoutOption = "--layout";
    private const string TableOption = "--source-table";

    /// <summary>
    /// A fixed-width file read with the layout in <paramref name="layoutPath"/>: a YAML file holding a
    /// source's <c>fields</c>, <c>record_length</c>, <c>separator</c> (and optionally <c>encoding</c>),
    /// as in a mapping; or a mapping whose <c>sources</c> has a fixed-width source for this file.
    /// </summary>
    public static async Task<SourceProfile> ProfileFixedAsync(string sourceId, string path, string layoutPath, string? encoding, long? sample, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw MigrateException.Usage($"--source {path}: file not found (with {LayoutOption}, give the fixed-width file itself)");
        var fileName = Path.GetFileName(path);
        var yaml = YamlFile.Load(layoutPath);
        var block = LayoutBlock(yaml, fileName);
        var formatNode = yaml.Get(block, "format");
        if (formatNode is not null && yaml.Scalar(formatNode) != "fixed")
            throw yaml.Error(formatNode, $"{LayoutOption}: a record layout describes a fixed-width file; write 'format: fixed' or leave 'format' out");
        var encodingNode = yaml.Get(block, "encoding");
        var layoutEncoding = encodingNode is null ? null : yaml.Scalar(encodingNode);
        if (layoutEncoding is not null && encoding is not null && !string.Equals(layoutEncoding, encoding, StringComparison.OrdinalIgnoreCase))
            throw yaml.Error(encodingNode!, $"--encoding {encoding} differs from the layout's encoding '{layoutEncoding}'; give only one of them");
        var chosen = encoding ?? layoutEncoding ?? "cp932";
        if (!LegacyEncodings.IsKnown(chosen))
            throw MigrateException.Usage($"encoding {chosen}: unknown encoding{DidYouMean.Hint(chosen, LegacyEncodings.Names)}; use one of {string.Join(", ", LegacyEncodings.Names)}");

        var definition = FixedLayoutReader.Read(yaml, sourceId, block, chosen, fileName);
        return await ProfileAsync(definition, new FileLocation(path), sample,
            $"check the layout in {layoutPath} (record_length, separator, field lengths) and the encoding", cancellationToken);
    }

    /// <summary>
    /// A database table (<c>TABLE</c> or <c>SCHEMA.TABLE</c>) read through <paramref name="databases"/>,
    /// in <paramref name="orderBy"/> order. The connection is used, never shown: messages name the driver only.
    /// </summary>
    public static async Task<SourceProfile> ProfileDatabaseAsync(string sourceId, SourceConnection connection, IDatabaseSourceReader databases, string sourceTable,
        IReadOnlyList<string> orderBy, long? sample, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(sourceTable);
        ArgumentNullException.ThrowIfNull(orderBy);
        var dot = sourceTable.IndexOf('.', StringComparison.Ordinal);
        var schema = dot > 0 ? sourceTable[..dot] : null;
        var wanted = dot > 0 ? sourceTable[(dot + 1)..] : sourceTable;
        if (wanted.Length == 0) throw MigrateException.Usage($"{TableOption}: give TABLE or SCHEMA.TABLE");

        string table;
        List<string> columns;
        try
        {
            await using var database = await databases.OpenAsync(connection, cancellationToken);
            var tables = await database.ListTablesAsync(schema, cancellationToken);
            table = tables.FirstOrDefault(t => t == wanted)
                ?? tables.FirstOrDefault(t => string.Equals(t, wanted, StringComparison.OrdinalIgnoreCase))
                ?? throw MigrateException.Usage(
                    $"{TableOption} {sourceTable}: the {connection.Driver} database has no table '{wanted}'{(schema is null ? "" : $" in schema '{schema}'")}{DidYouMean.Hint(wanted, tables)}");
            var from = (schema is null ? "" : database.Quote(schema) + ".") + database.Quote(table);
            await using var probe = await database.ReadAsync($"SELECT * FROM {from} WHERE 1 = 0", cancellationToken);
            columns = Enumerable.Range(0, probe.FieldCount).Select(probe.GetName).ToList();
        }
        catch (DbException e)
        {
            // Driver messages name tables and SQL errors, never the connection string.
            throw MigrateException.Environment($"{SourceConnection.Option} ({connection.Driver}): {e.Message}", e);
        }

        var duplicate = columns.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw MigrateException.Usage($"{TableOption} {sourceTable}: the table has column '{duplicate.Key}' twice (names are compared without regard to case)");
        var dotted = columns.FirstOrDefault(c => c.Contains('.', StringComparison.Ordinal));
        if (dotted is not null) throw MigrateException.Usage($"{TableOption} {sourceTable}: column '{dotted}' has a '.' in its name, which a mapping cannot name; read the table through a query by hand");
        var order = orderBy.Select(c => columns.FirstOrDefault(n => string.Equals(n, c, StringComparison.OrdinalIgnoreCase))
            ?? throw MigrateException.Usage($"--order-by {c}: table '{table}' has no such column{DidYouMean.Hint(c, columns)}")).ToList();

        var position = new SourcePosition(TableOption, 1, 1);
        var spec = new DatabaseSourceSpec(null, schema, table, null, order, columns.Select(_ => position).ToList(), position);
        return await ProfileAsync(DatabaseFormat.Definition(sourceId, columns, position, spec), new DatabaseLocation(connection, databases), sample,
            "leave binary columns out of the table (a view), or convert them", cancellationToken);
    }

    /// <summary>A standalone layout, or the fixed-width source for <paramref name="fileName"/> of a mapping's <c>sources</c>.</summary>
    private static YamlDotNet.RepresentationModel.YamlMappingNode LayoutBlock(YamlFile yaml, string fileName)
    {
        if (yaml.Get(yaml.Root, "sources") is not { } sourcesNode) return yaml.Root;
        var candidates = yaml.Entries(yaml.Mapping(sourcesNode, "sources"))
            .Select(e => yaml.Mapping(e.Value, $"source '{e.Key}'"))
            .Where(s => yaml.Get(s, "format") is { } f && yaml.Scalar(f) == "fixed")
            .ToList();
        return candidates.FirstOrDefault(s => string.Equals(yaml.String(s, "file"), fileName, StringComparison.OrdinalIgnoreCase))
            ?? throw yaml.Error(sourcesNode,
                $"{LayoutOption}: no fixed-width source of this mapping reads {fileName}{(candidates.Count == 0 ? "" : $" (it has: {string.Join(", ", candidates.Select(s => yaml.String(s, "file")))})")}; give a file that holds the layout's fields, record_length and separator");
    }

    private static Task<SourceProfile> ProfileAsync(SourceDefinition source, SourceLocation location, long? sample, string hint, CancellationToken cancellationToken) =>
        RecordProfiler.WithScratchAsync(async work =>
        {
            var result = await RecordProfiler.ProfileAsync(source, location, source.Columns, work, sample, cancellationToken);
            if (result.Unreadable * 2 > result.Records)
            {
                // Most records unreadable means the layout is wrong, not the data: a profile of the rest would mislead.
                var reasons = string.Join(", ", result.UnreadableByReason.Select(r => r.Key + " " + r.Value.ToString("N0", CultureInfo.InvariantCulture)));
                throw MigrateException.DataError(string.Create(CultureInfo.InvariantCulture,
                    $"{source.File}: {result.Unreadable:N0} of {result.Records:N0} records cannot be read ({reasons}); {hint}"));
            }
            return new SourceProfile(source.File, source.Encoding, source.Format, source.Options, result.Records, result.Unreadable, result.Columns);
        });
}
