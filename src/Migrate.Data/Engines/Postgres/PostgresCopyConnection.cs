using Npgsql;

namespace Migrate.Data.Engines.Postgres;

/// <summary>What a connection that sends COPY data needs from its connection string.</summary>
public static class PostgresCopyConnection
{
    /// <summary>The write buffer this gives a connection: room for several of the COPY's writes.</summary>
    public const int WriteBufferSize = 4 * PostgresCopyBuffer.Size;

    /// <summary>
    /// The connection string with a write buffer of <see cref="WriteBufferSize"/>, unless it already
    /// has one at least as large. Npgsql's default (8 KiB) holds none of the COPY's writes
    /// (<see cref="PostgresCopyBuffer.Size"/>): each became a flush and a direct write, four sends of
    /// which three were 5-byte message headers, each a packet the server woke up for (5,927 sends for
    /// 100,000 persons; 407 with room). Everything else in the string is kept as it was.
    /// </summary>
    public static string WithRoomForWrites(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.WriteBufferSize >= WriteBufferSize) return connectionString;
        builder.WriteBufferSize = WriteBufferSize;
        return builder.ConnectionString;
    }
}
