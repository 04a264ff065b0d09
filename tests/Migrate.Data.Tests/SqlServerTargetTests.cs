using Microsoft.Data.SqlClient;
using Migrate.Core.Load;
using Migrate.Data.Engines.SqlServer;

namespace Migrate.Data.Tests;

/// <summary>Runs when MIGRATE_TEST_SQLSERVER holds a connection string (each test gets its own database); skipped otherwise.</summary>
public sealed class SqlServerTargetTests : TargetContractTests
{
    private string? _server;
    private string? _database;

    private string ConnectionString => new SqlConnectionStringBuilder(_server) { InitialCatalog = _database!, Pooling = false }.ConnectionString;

    protected override async Task<ITarget> CreateTargetAsync()
    {
        _server = Environment.GetEnvironmentVariable("MIGRATE_TEST_SQLSERVER");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(_server), "MIGRATE_TEST_SQLSERVER is not set");
        _database = "migrate_t_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteOnServerAsync($"CREATE DATABASE [{_database}]");
        return new SqlServerTarget(ConnectionString);
    }

    protected override async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new SqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_database is not null)
            await ExecuteOnServerAsync($"ALTER DATABASE [{_database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_database}]");
        await base.DisposeAsync();
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new SqlConnection(new SqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
