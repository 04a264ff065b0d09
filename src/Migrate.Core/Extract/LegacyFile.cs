using System.Runtime.InteropServices;
using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;

namespace Migrate.Core.Extract;

/// <summary>
/// Refuses a legacy "file" that is not a regular file before it is opened: a device such as
/// <c>/dev/zero</c> never ends, opening a FIFO waits for a writer, and a directory cannot be read.
/// Each would hang the extract or end in a reader's internal error instead of a message naming it.
/// </summary>
internal static class LegacyFile
{
    // The PAL file type bits of System.Native's FileStatus.Mode (pal_io.h), the same on every Unix.
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    public static void RequireRegular(string path, SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Directory.Exists(path))
            throw MigrateException.Usage($"{path}: the legacy file for source '{source.Id}' is a directory; give the exported file itself");
        if (!File.Exists(path))
            throw MigrateException.Usage($"{path}: legacy file for source '{source.Id}' not found");
        if (UnixFileType(path) is { } type && type != RegularFile)
            throw MigrateException.Usage($"{path}: the legacy file for source '{source.Id}' is {Describe(type)}, not a regular file; copy the export to a file first");
    }

    private static string Describe(int type) => type switch
    {
        0x1000 => "a FIFO (named pipe)",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => "a special file",
    };

    /// <summary>
    /// The file type bits of <paramref name="path"/> (symbolic links followed), or null where they cannot be read.
    /// .NET has no public API for them: FileSystemInfo.Attributes says Normal for a device or FIFO and
    /// UnixFileMode masks the type out. The runtime's own System.Native library exports the stat behind
    /// FileSystemInfo; its FileStatus starts with two 32-bit fields, Flags and Mode.
    /// </summary>
    private static int? UnixFileType(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        var status = new byte[256];
        try
        {
            if (Stat(Encoding.UTF8.GetBytes(path + "\0"), status) != 0) return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        return MemoryMarshal.Read<int>(status.AsSpan(4)) & TypeMask;
    }

    // DllImport, not LibraryImport: the generated stub needs unsafe code, which this library does not allow.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat(byte[] utf8Path, [Out] byte[] status);
}
