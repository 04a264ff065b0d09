using Npgsql;

namespace Migrate.TestSupport;

/// <summary>
/// A schema of its own on the test server (MIGRATE_TEST_POSTGRES), first on the search path of
/// <see cref="ConnectionString"/>, so tests run in parallel. The CLI gets it as an environment
/// variable of its own (<see cref="Target"/> = env:NAME, set in <see cref="Environment"/> for the
/// command or child process only) so the connection string never appears on a command line. Skips
/// the test when no server is set.
/// </summary>
public sealed class PostgresSchema : IAsyncDisposable
{
    private readonly string _admin;

    private PostgresSchema(string admin, string name)
    {
        _admin = admin;
        Name = name;
        // A password that must never show up in output or the manifest (trust auth ignores it).
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = name, Pooling = false, Password = "s3cret-" + name }.ConnectionString;
        Variable = "MIGRATE_TEST_PG_" + name.ToUpperInvariant();
        Environment = new Dictionary<string, string>(StringComparer.Ordinal) { [Variable] = "postgres:" + ConnectionString };
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>The environment variable that names this schema as a target: postgres:CONNECTION-STRING.</summary>
    public string Variable { get; }

    /// <summary>The environment to give the CLI: <see cref="Variable"/> and nothing else.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public string Target => "env:" + Variable;

    public static async Task<PostgresSchema> CreateAsync()
    {
        var admin = System.Environment.GetEnvironmentVariable("MIGRATE_TEST_POSTGRES");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(admin), "MIGRATE_TEST_POSTGRES is not set (.ci/run starts a PostgreSQL cluster and sets it)");
        var schema = new PostgresSchema(admin!, "t_" + Guid.NewGuid().ToString("N")[..16]);
        await schema.ExecuteAsync($"CREATE SCHEMA {schema.Name}");
        return schema;
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
