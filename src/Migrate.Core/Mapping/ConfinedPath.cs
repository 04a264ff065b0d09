using Migrate.Core.Diagnostics;
using Migrate.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Mapping;

/// <summary>
/// Paths a mapping names (source files inside --source, 外字 table files beside the mapping) stay in
/// their folder: a mapping is data that may come from a vendor, and without this <c>file: /etc/shadow</c>
/// was opened and its first line echoed in an error. An absolute path, a <c>..</c> step, or a symbolic
/// link that leads out of the folder is refused unless the mapping says <c>allow_outside: true</c>
/// next to it.
/// </summary>
internal static class ConfinedPath
{
    public const string AllowKey = "allow_outside";

    /// <summary>At load: refuses an absolute path or a '..' step, at the line of <paramref name="node"/>, unless allowed.</summary>
    public static void CheckWritten(YamlFile yaml, YamlNode node, string path, bool allowOutside, string what)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(path);
        if (allowOutside) return;
        if (Path.IsPathRooted(path) || path.Split('/', '\\').Contains(".."))
            throw yaml.Error(node, $"{what} '{path}' is outside its folder ({where(what)}); write a path inside it, or add '{AllowKey}: true' to allow this one");

        static string where(string what) => what.Contains("外字", StringComparison.Ordinal) ? "paths are relative to the mapping file" : "paths are relative to --source";
    }

    /// <summary>
    /// The full path of <paramref name="relative"/> under <paramref name="directory"/>; refused (exit 2)
    /// when it, or the file a symbolic link there points to, lies outside the folder and that is not allowed.
    /// </summary>
    public static string Resolve(string directory, string relative, bool allowOutside, string what)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(relative);
        var root = Path.GetFullPath(directory);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (allowOutside) return full;
        if (!IsInside(root, full) || (File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target
                && !IsInside(RealDirectory(root), Path.GetFullPath(target.FullName))))
            throw MigrateException.Usage($"{what} '{relative}' resolves outside {root}; it is not read (add '{AllowKey}: true' to the mapping to allow it)");
        return full;
    }

    private static string RealDirectory(string directory) =>
        new DirectoryInfo(directory).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? directory;

    private static bool IsInside(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
