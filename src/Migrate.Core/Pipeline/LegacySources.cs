using Migrate.Core.Extract.Database;

namespace Migrate.Core.Pipeline;

/// <summary>
/// Where the legacy data is: the export folder for file sources (<c>--source</c>) and the database
/// connections for <c>format: database</c> sources (<c>--source-connection</c>), with the drivers
/// that open them (composed by the CLI so that Core references no driver).
/// </summary>
public sealed record LegacySources(string? Directory, SourceConnections Connections, IDatabaseSourceReader? Databases)
{
    /// <summary>Files only, from one folder.</summary>
    public LegacySources(string directory)
        : this(directory, SourceConnections.None, null)
    {
    }
}
