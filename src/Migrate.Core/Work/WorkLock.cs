using System.Globalization;
using System.Text.Json;
using Migrate.Core.Diagnostics;

namespace Migrate.Core.Work;

/// <summary>
/// An exclusive lock on a work directory, held by every command that writes to it. Two runs into the
/// same --out used to interleave, and one's cleanup could delete the other's committed database; now
/// the second stops at once (exit 4) naming the holder. The lock is the operating system's (an
/// exclusive flock on Unix, a share-none handle on Windows) on <see cref="FileName"/>, so it is
/// released when the holder ends, however it ends; a stale file never blocks a later run. The lock
/// file itself cannot be read while held, so the holder is described in <see cref="HolderName"/>.
/// </summary>
public sealed class WorkLock : IDisposable
{
    public const string FileName = ".migrate.lock";
    public const string HolderName = ".migrate.lock.json";

    private readonly FileStream _handle;

    private WorkLock(FileStream handle) => _handle = handle;

    /// <summary>Takes the lock on <paramref name="work"/> once <see cref="WorkDirectoryGuard.Check"/> allows it, creating the directory owner-only.</summary>
    /// <param name="newRun">The command starts a new run (run, extract) rather than continuing the one the directory holds.</param>
    /// <param name="sourceDirectory">--source, which the work directory must not be inside.</param>
    public static WorkLock Acquire(WorkDirectory work, string command, bool newRun, string? sourceDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        WorkDirectoryGuard.Check(work, sourceDirectory);
        if (!newRun && !Directory.Exists(work.Root))
            throw MigrateException.Usage($"{work.ManifestPath}: no manifest; run 'migrate extract' (or 'migrate run') with --out {work.Root} first");
        PrivateFiles.CreateDirectory(work.Root);
        var path = Path.Combine(work.Root, FileName);
        FileStream handle;
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            handle = new FileStream(path, options);
        }
        catch (IOException)
        {
            throw MigrateException.Environment($"{work.Root} is in use by {Describe(work)}; wait for it to finish (nothing was changed)");
        }
        var holder = new Holder(Environment.ProcessId, command, newRun ? null : RunIdOf(work), DateTimeOffset.UtcNow);
        Json.Write(Path.Combine(work.Root, HolderName), holder, privateFile: true);
        return new WorkLock(handle);
    }

    public void Dispose() => _handle.Dispose();

    private sealed record Holder(int Pid, string Command, string? RunId, DateTimeOffset StartedAt);

    private static string Describe(WorkDirectory work)
    {
        try
        {
            var holder = JsonSerializer.Deserialize<Holder>(File.ReadAllText(Path.Combine(work.Root, HolderName)), Json.Options);
            if (holder is not null)
                return string.Create(CultureInfo.InvariantCulture,
                    $"'migrate {holder.Command}' (PID {holder.Pid}, {(holder.RunId is null ? "a new run" : "run " + holder.RunId)}, since {holder.StartedAt:yyyy-MM-dd'T'HH:mm:ss'Z'})");
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            // The holder has only just taken the lock and not yet said who it is.
        }
        return "another migrate process";
    }

    /// <summary>The run the directory holds now (the holder may start a new one).</summary>
    private static string? RunIdOf(WorkDirectory work)
    {
        try
        {
            return File.Exists(work.ManifestPath) ? JsonDocument.Parse(File.ReadAllText(work.ManifestPath)).RootElement.GetProperty("run_id").GetString() : null;
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
