using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Migrate.Samples;

namespace Migrate.Cli.Tests.Support;

/// <summary>
/// Copies a generated vendor-c SQLite database into another database (PostgreSQL, SQL Server) with
/// the same schema, row by row in one transaction, so that the same mapping can be run on both.
/// </summary>
public static class VendorCCopy
{
    public static async Task CopyAsync(string sqlitePath, DbConnection target, string dialect, CancellationToken cancellationToken)
    {
        await using var source = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
        await source.OpenAsync(cancellationToken);
        await using var transaction = await target.BeginTransactionAsync(cancellationToken);
        foreach (var table in VendorCSchema.Tables)
        {
            await using (var create = target.CreateCommand())
            {
                create.Transaction = transaction;
                create.CommandText = VendorCSchema.CreateTable(table, dialect);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var insert = target.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {table.Name} VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))})";
            foreach (var (column, i) in table.Columns.Select((c, i) => (c, i)))
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = "@p" + i;
                parameter.DbType = column.Type switch
                {
                    VendorCColumnType.Integer => System.Data.DbType.Int64,
                    VendorCColumnType.Date => System.Data.DbType.Date,
                    _ => System.Data.DbType.String,
                };
                insert.Parameters.Add(parameter);
            }
            await using var read = source.CreateCommand();
            read.CommandText = $"SELECT * FROM {table.Name}";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var value = reader.GetValue(i);
                    insert.Parameters[i].Value = value is string text && table.Columns[i].Type == VendorCColumnType.Date
                        ? DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : value;
                }
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
