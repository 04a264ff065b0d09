using System.Text;

namespace Migrate.Core.Work;

/// <summary>
/// Writes a whole file through a temporary one beside it and renames it into place, so a reader never
/// sees half a file. The temporary name is new each time and created exclusively (O_CREAT|O_EXCL,
/// which never follows a symbolic link): a link planted at <c>manifest.json.tmp</c> used to make the
/// tool overwrite whatever it pointed to. The rename replaces a link at the final name, not its target.
/// Modes are explicit, whatever the umask: 0600 for files with personal data, 0644 for the manifest
/// and the reports, which hold counts, codes and item names only.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write, bool personal)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = CreateNew(temp, personal)) write(stream);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static void WriteText(string path, Action<TextWriter> write, Encoding encoding, bool personal = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, encoding, 1 << 16, leaveOpen: true);
            write(writer);
        }, personal);
    }

    /// <summary>Creates a file that must not exist yet (never through a link), with exactly the mode asked for.</summary>
    public static FileStream CreateNew(string path, bool personal)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 16 };
        if (OperatingSystem.IsWindows()) return new FileStream(path, options);
        var mode = personal ? PrivateFiles.OwnerOnly : PrivateFiles.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        options.UnixCreateMode = mode;
        var stream = new FileStream(path, options);
        // The umask may take bits off the create mode (or a lax one leave none off): set it exactly.
        File.SetUnixFileMode(stream.SafeFileHandle, mode);
        return stream;
    }
}
