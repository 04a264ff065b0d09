using Migrate.Core.Load;
using Migrate.Data.Sources;

namespace Migrate.Data.Engines.Sqlite;

/// <summary>
/// SQLite: <c>sqlite:PATH</c>, the default target (a file in the work directory) and a legacy source
/// (<c>sqlite:PATH</c> or <c>sqlite:</c> and a connection string, opened read-only). The path is a
/// target's whole connection, so it is shown and recorded for <c>load --resume</c>.
/// </summary>
internal sealed class SqliteEngine : DatabaseEngine
{
    public override string Name => "sqlite";

    public override IReadOnlyList<string> Schemes { get; } = ["sqlite"];

    public override bool ConnectionIsPath => true;

    public override SqlDialect Dialect { get; } = new SqliteDialect();

    internal override LegacyDatabase OpenSource(string connectionString) => SqliteLegacyDatabase.Create(connectionString, this);

    // No retry: a file opens or it does not.
    public override ITarget CreateTarget(string connection, ConnectionRetry retry) => new SqliteTarget(connection);
}
