using Migrate.Core.Diagnostics;
using Migrate.Core.Manifests;
using Migrate.Core.Pipeline;
using Migrate.Core.Work;

namespace Migrate.Cli;

/// <summary>Opens the session for a stage command, taking the mapping from the manifest when none is given.</summary>
public static class SessionFactory
{
    public static MigrationSession Open(string? mapping, Core.Standard.StandardSource standard, string outDirectory)
    {
        if (mapping is null)
        {
            var manifestPath = new WorkDirectory(outDirectory).ManifestPath;
            if (!File.Exists(manifestPath))
                throw MigrateException.Usage($"give --mapping, or --out a work directory made by 'migrate extract' ({manifestPath} not found)");
            mapping = Json.Read<Manifest>(manifestPath).Mapping?.Path
                ?? throw MigrateException.DataError($"{manifestPath}: the manifest names no mapping; give --mapping, or rerun 'migrate extract'");
        }
        return MigrationSession.Open(mapping, standard, outDirectory);
    }
}
