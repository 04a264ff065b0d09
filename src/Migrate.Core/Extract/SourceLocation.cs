using Migrate.Core.Extract.Database;

namespace Migrate.Core.Extract;

/// <summary>Where one source's records are read from, as the caller resolved it.</summary>
internal abstract record SourceLocation;

/// <summary>A legacy file (already confined to the export folder, or allowed outside it by the mapping).</summary>
internal sealed record FileLocation(string Path) : SourceLocation;

/// <summary>A legacy database: the connection (never shown) and the drivers that open it (composed by the CLI).</summary>
internal sealed record DatabaseLocation(SourceConnection Connection, IDatabaseSourceReader Databases) : SourceLocation;
