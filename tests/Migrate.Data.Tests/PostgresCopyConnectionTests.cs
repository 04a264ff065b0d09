using Migrate.Data.Engines.Postgres;
using Npgsql;

namespace Migrate.Data.Tests;

/// <summary>The connection string a PostgreSQL load opens with (the loads themselves run against a real server in PostgresTargetTests).</summary>
public sealed class PostgresCopyConnectionTests
{
    [Fact]
    public void The_default_write_buffer_is_raised_and_the_rest_of_the_string_kept()
    {
        var adjusted = new NpgsqlConnectionStringBuilder(PostgresCopyConnection.WithRoomForWrites(
            "Host=db.example;Port=5433;Username=loader;Password=secret;Database=city;Search Path=city_131016"));

        adjusted.WriteBufferSize.ShouldBe(PostgresCopyConnection.WriteBufferSize);
        adjusted.WriteBufferSize.ShouldBeGreaterThan(new NpgsqlConnectionStringBuilder().WriteBufferSize);
        adjusted.Host.ShouldBe("db.example");
        adjusted.Port.ShouldBe(5433);
        adjusted.Username.ShouldBe("loader");
        adjusted.Password.ShouldBe("secret");
        adjusted.Database.ShouldBe("city");
        adjusted.SearchPath.ShouldBe("city_131016");
    }

    [Fact]
    public void A_larger_write_buffer_set_by_the_user_is_left_alone()
    {
        const string connectionString = "Host=db.example;Write Buffer Size=1048576";

        PostgresCopyConnection.WithRoomForWrites(connectionString).ShouldBe(connectionString);
    }
}
