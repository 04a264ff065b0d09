using Migrate.Core.Manifests;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>The files a stage wrote, as the manifest records them, for the stage that reads them next to check.</summary>
internal static class RecordedFiles
{
    /// <summary>The staging files 'migrate extract' wrote, by full path.</summary>
    public static IReadOnlyDictionary<string, RecordedFile> Staging(WorkDirectory work, ExtractStage extract)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(extract);
        var files = new Dictionary<string, RecordedFile>(StringComparer.Ordinal);
        foreach (var source in extract.Sources)
        {
            var path = Path.GetFullPath(Path.Combine(work.Root, source.StagingFile));
            files[path] = new RecordedFile(path, source.Staged, source.StagingSha256, "extract");
        }
        return files;
    }

    /// <summary>The mapped file of one table as 'migrate map' wrote it.</summary>
    public static RecordedFile Mapped(WorkDirectory work, Map.TableMapResult table)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(table);
        return new RecordedFile(Path.GetFullPath(Path.Combine(work.Root, table.MappedFile)), table.Mapped, table.MappedSha256, "map");
    }
}
