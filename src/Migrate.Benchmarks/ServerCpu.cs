using System.Globalization;

namespace Migrate.Benchmarks;

/// <summary>
/// The CPU time of a PostgreSQL server running on this machine: its postmaster's own and that of
/// every child it has reaped (/proc/PID/stat cutime and cstime: backends and parallel workers that
/// have exited), plus that of its children still running (checkpointer, WAL writer, …). Its growth
/// across a measurement is what the server spent on it. Found through the postmaster.pid file of the
/// server's data directory; unavailable (null) when the server is elsewhere or the file cannot be read.
/// </summary>
internal sealed class ServerCpu
{
    // USER_HZ: the unit of /proc's CPU times, 100 on every Linux architecture in use.
    private const double TicksPerSecond = 100;
    private readonly int _postmaster;

    private ServerCpu(int postmaster) => _postmaster = postmaster;

    /// <summary>The server whose data directory is <paramref name="dataDirectory"/>, when it runs here and its pid file can be read.</summary>
    public static ServerCpu? Find(string dataDirectory)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            var first = File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).FirstOrDefault();
            if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return null;
            // A pid file can outlive its server, and the pid be taken by another process since.
            var name = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/comm").Trim();
            if (name is not ("postgres" or "postmaster")) return null;
            var server = new ServerCpu(pid);
            return server.Seconds() is null ? null : server;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The server's CPU seconds so far; null once the postmaster is gone.</summary>
    public double? Seconds()
    {
        if (Stat(_postmaster) is not { } postmaster) return null;
        var ticks = postmaster.Own + postmaster.Reaped;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (Stat(pid) is { } child && child.Parent == _postmaster) ticks += child.Own;
        }
        return ticks / TicksPerSecond;
    }

    /// <summary>Parent pid, own CPU and reaped children's CPU of one process, in ticks; null when it is gone.</summary>
    private static (int Parent, long Own, long Reaped)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so fields count from the last ')'.
        var end = text.LastIndexOf(')');
        var fields = end < 0 || end + 2 > text.Length ? [] : text[(end + 2)..].Split(' ');
        var numbers = new long[18];
        for (var number = 4; number <= 17; number++)
        {
            if (number - 3 >= fields.Length || !long.TryParse(fields[number - 3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out numbers[number]))
                return null;
        }
        return ((int)numbers[4], numbers[14] + numbers[15], numbers[16] + numbers[17]);
    }
}
