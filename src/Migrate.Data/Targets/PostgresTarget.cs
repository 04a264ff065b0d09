using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Standard;
using Npgsql;
using NpgsqlTypes;

namespace Migrate.Data.Targets;

/// <summary>
/// PostgreSQL through Npgsql binary COPY, all tables in one transaction. The tables go into the
/// first schema of the connection's search path, so one server can hold many targets
/// (<c>Search Path=city_131016</c>).
/// </summary>
public sealed partial class PostgresTarget(string connectionString) : TransactionalTarget
{
    protected override SqlDialect Dialect { get; } = new PostgresDialect();

    // The connection string may hold a password: it is never shown.
    public override string Description => "postgres:(connection string hidden)";

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = new NpgsqlConnection(connectionString);
        }
        catch (ArgumentException e)
        {
            // The driver's message may quote the string; ours does not.
            throw new MigrateException(FailureKind.Usage, $"{Description}: the connection string is not valid ({e.GetType().Name}); check its keywords", e);
        }
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // Two loads into the same schema would race to create the tables; the second waits for the first.
    protected override Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext('migrate:' || current_schema()))", transaction: transaction, cancellationToken: cancellationToken));

    protected override async Task<long> WriteRowsAsync(DbConnection connection, DbTransaction transaction, string tableName, LoadInput input,
        long total, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var items = input.Table.Items;
        var types = items.Select(DbType).ToArray();
        var converter = new LoadValueConverter(input.Table, Dialect, input.MappedFile);
        using var reader = new MappedFileReader(input.MappedFile, input.Table);
        var copy = $"COPY {Dialect.Quote(tableName)} ({string.Join(", ", items.Select(i => Dialect.Quote(i.Id)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(copy, cancellationToken);
        importer.Timeout = TimeSpan.Zero;
        while (reader.Read())
        {
            converter.Convert(reader.Row, reader.Line);
            await importer.StartRowAsync(cancellationToken);
            var values = converter.Values;
            for (var i = 0; i < values.Count; i++)
            {
                if (values[i] is { } value) await importer.WriteAsync(value, types[i], cancellationToken);
                else await importer.WriteNullAsync(cancellationToken);
            }
            total++;
            if ((total & 0x3FFF) == 0) progress?.Report(total);
        }
        await importer.CompleteAsync(cancellationToken);
        progress?.Report(total);
        return total;
    }

    // text and varchar share one binary format, so every string column is written as text.
    private static NpgsqlDbType DbType(StandardItem item) => item.Type switch
    {
        ItemType.Integer => SqlDialect.IsBigInteger(item) ? NpgsqlDbType.Bigint : NpgsqlDbType.Integer,
        ItemType.Flag => NpgsqlDbType.Smallint,
        ItemType.Date => NpgsqlDbType.Date,
        ItemType.Decimal => NpgsqlDbType.Numeric,
        _ => NpgsqlDbType.Text,
    };

    protected override MigrateException? Translate(DbException exception, string? tableName)
    {
        if (exception is not PostgresException e) return null;
        // The message text names the constraint, never a value; e.Detail and e.Where can hold values, so only the row number is taken.
        var row = e.Where is { } where && CopyLine().Match(where) is { Success: true } match ? $" at data row {match.Groups[1].Value} of the mapped file" : "";
        var table = tableName is null ? "" : $"table {tableName}{row}: ";
        return e.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => MigrateException.DataError($"{Description}: {table}{e.MessageText}; two mapped rows share a key. Nothing was loaded.", e),
            PostgresErrorCodes.NotNullViolation or PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.NumericValueOutOfRange
                or PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter
                => MigrateException.DataError($"{Description}: {table}{e.MessageText} (SQLSTATE {e.SqlState}). Nothing was loaded.", e),
            PostgresErrorCodes.InsufficientPrivilege => MigrateException.Environment($"{Description}: {e.MessageText}; the user needs CREATE on the schema and INSERT, DELETE, SELECT on the tables (nothing was changed)", e),
            _ => MigrateException.Environment($"{Description}: PostgreSQL error {e.SqlState}: {e.MessageText} (nothing was changed)", e),
        };
    }

    [GeneratedRegex(@"\bline (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex CopyLine();
}
