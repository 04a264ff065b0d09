namespace Migrate.Core.Extract.Database;

/// <summary>The legacy database drivers a <c>format: database</c> source can read through.</summary>
public enum DatabaseKind
{
    Sqlite,
    Postgres,
    SqlServer,
}
