using Migrate.Core.Extract.Database;

namespace Migrate.Core.Extract;

/// <summary>Where one source's records are read from, as the caller resolved it.</summary>
public abstract record SourceLocation;

/// <summary>A legacy file (already confined to the export folder, or allowed outside it by the mapping).</summary>
public sealed record FileLocation(string Path) : SourceLocation;

/// <summary>A legacy database: the connection (never shown) and the drivers that open it (composed by the CLI).</summary>
public sealed record DatabaseLocation(SourceConnection Connection, IDatabaseSourceReader Databases) : SourceLocation;
