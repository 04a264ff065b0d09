using Migrate.Core.Diagnostics;

namespace Migrate.Core.Work;

/// <summary>
/// What --out may be, checked before anything is written there. A folder of other files is refused
/// (a run used to replace an unrelated manifest.json and create tables in an unrelated standard.db),
/// as is a file, and a folder inside --source (the run then listed its own outputs as unread export files).
/// </summary>
internal static class WorkDirectoryGuard
{
    public static void Check(WorkDirectory work, string? sourceDirectory)
    {
        ArgumentNullException.ThrowIfNull(work);
        var root = work.Root;
        if (File.Exists(root))
            throw MigrateException.Usage($"--out {root} is a file; give a folder for the work directory (a new or empty one, or one an earlier run wrote)");
        if (sourceDirectory is not null)
        {
            var source = Path.GetFullPath(sourceDirectory);
            var relative = Path.GetRelativePath(source, root);
            if (relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)))
                throw MigrateException.Usage($"--out {root} is inside --source {source}; put the work directory elsewhere, so the export folder holds the export only");
        }
        if (Directory.Exists(root) && !IsWorkDirectory(root) && Directory.EnumerateFileSystemEntries(root).Any())
            throw MigrateException.Usage($"--out {root} is a folder that holds other files and is not a migrate work directory (it has no manifest.json); give a new or empty folder");
    }

    /// <summary>A folder an earlier command wrote: it has a manifest or the lock file every writing command leaves.</summary>
    public static bool IsWorkDirectory(string root) =>
        File.Exists(Path.Combine(root, "manifest.json")) || File.Exists(Path.Combine(root, WorkLock.FileName));
}
