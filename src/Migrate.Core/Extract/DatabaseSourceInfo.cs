namespace Migrate.Core.Extract;

/// <summary>
/// What the manifest records about a database source: the driver kind, the table (or null for a
/// query) and the SHA-256 of the SQL that was run — never the connection string.
/// </summary>
public sealed record DatabaseSourceInfo(string Driver, string? Table, string QuerySha256);
