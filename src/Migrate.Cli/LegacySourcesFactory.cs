using Migrate.Core.Extract.Database;
using Migrate.Core.Pipeline;
using Migrate.Data.Engines;
using Migrate.Data.Sources;

namespace Migrate.Cli;

/// <summary>Composes <c>--source</c> and <c>--source-connection</c> with the database drivers (Core knows none of them).</summary>
public static class LegacySourcesFactory
{
    public static LegacySources Create(CliContext context, string? directory, IEnumerable<string>? connections)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new LegacySources(directory, SourceConnections.Parse(connections ?? [], context.Environment, DatabaseEngines.Registry), DatabaseSourceReader.Instance);
    }
}
