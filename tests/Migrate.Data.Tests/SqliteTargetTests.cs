using Microsoft.Data.Sqlite;
using Migrate.Core.Load;
using Migrate.Data.Targets;

namespace Migrate.Data.Tests;

public sealed class SqliteTargetTests : TargetContractTests
{
    private string DatabasePath => Temp.Combine("target.db");

    protected override Task<ITarget> CreateTargetAsync() => Task.FromResult<ITarget>(new SqliteTarget(DatabasePath));

    protected override async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
