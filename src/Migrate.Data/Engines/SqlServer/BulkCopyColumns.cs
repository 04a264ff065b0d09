using Microsoft.Data.SqlClient;
using Migrate.Core.Load;
using Migrate.Core.Standard;

namespace Migrate.Data.Engines.SqlServer;

/// <summary>
/// Sets up a SqlBulkCopy for one standard table: explicit mappings from each mapped-file column
/// (by ordinal) to its column by name, so a table whose columns were reordered still loads
/// correctly, and no timeout (a large table takes as long as it takes).
/// </summary>
public static class BulkCopyColumns
{
    /// <summary>Rows sent per round trip; all batches still commit together with the load's transaction.</summary>
    public const int BatchSize = 50_000;

    public static void Configure(SqlBulkCopy bulk, SqlDialect dialect, string tableName, StandardTable table)
    {
        ArgumentNullException.ThrowIfNull(bulk);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(table);
        bulk.DestinationTableName = dialect.Quote(tableName);
        bulk.BulkCopyTimeout = 0;
        bulk.BatchSize = BatchSize;
        // Our reader already streams row by row; EnableStreaming only matters for large single values.
        bulk.EnableStreaming = false;
        bulk.ColumnMappings.Clear();
        for (var i = 0; i < table.Items.Count; i++)
            bulk.ColumnMappings.Add(new SqlBulkCopyColumnMapping(i, table.Items[i].Id));
    }
}
