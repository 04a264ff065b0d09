namespace Migrate.Core.Work;

/// <summary>
/// Files that may hold personal data (staging, mapped rows, rejects, the database) are created
/// readable by the owner only (0600; directories 0700).
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates (or replaces) a file for writing, owner-only. On Unix the file is always a new one:
    /// <see cref="FileMode.Create"/> truncates even a file it has just created (.NET opens, locks, then
    /// calls ftruncate), and ext4 answers a truncation to 0 by writing the whole file out on close
    /// (its auto_da_alloc rule for files rewritten in place): closing a 700 MB staging or mapped file
    /// then stalled a 1M run for about half a second while the disk took it.
    /// </summary>
    public static FileStream Create(string path, int bufferSize = 1 << 16)
    {
        var unix = !OperatingSystem.IsWindows();
        if (unix) File.Delete(path);
        var options = new FileStreamOptions
        {
            Mode = unix ? FileMode.CreateNew : FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = bufferSize,
        };
        if (unix) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var stream = new FileStream(path, options);
        // The process umask may take bits off the create mode; the file must be exactly 0600.
        if (unix) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return stream;
    }

    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
