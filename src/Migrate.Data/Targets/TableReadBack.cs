using System.Data.Common;
using Migrate.Core.Load;
using Migrate.Core.Manifests;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Data.Targets;

/// <summary>
/// Reads a standard table back from the database and computes its row count and order-independent
/// checksum from the values as stored, so the result proves what the target holds, not what was sent.
/// </summary>
internal static class TableReadBack
{
    public static async Task<TableLoad> ReadAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, StandardDefinition standard,
        StandardTable table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0;
#pragma warning disable CA2100 // Identifiers come from the standard definition and are quoted by the dialect; no values are interpolated.
        command.CommandText = $"SELECT {string.Join(", ", table.Items.Select(i => dialect.Quote(i.Id)))} FROM {dialect.Quote(SqlDialect.TableName(standard, table))}";
#pragma warning restore CA2100
        var types = table.Items.Select(i => i.Type).ToArray();
        var values = new string?[types.Length];
        var checksum = new RowChecksum();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < values.Length; i++)
                values[i] = CanonicalValue.FromDatabase(types[i], reader.IsDBNull(i) ? null : reader.GetValue(i));
            checksum.Add(values);
        }
        return new TableLoad(table.Id, checksum.Rows, checksum.Value);
    }
}
