using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Migrate.Benchmarks;

/// <summary>
/// The CPU time (user + system) of the child processes this process has waited for, from
/// getrusage(RUSAGE_CHILDREN): its growth across one <see cref="ChildProcess.Run"/> is that child's
/// CPU, on every core it used. Linux only; null elsewhere.
/// </summary>
internal static class ChildCpu
{
    private const int RusageChildren = -1;

    public static double? Seconds()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            if (getrusage(RusageChildren, out var usage) != 0) return null;
            return usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library this name does not find: the figures go without CPU time.
            return null;
        }
    }

    // struct rusage on 64-bit Linux: two struct timevals (seconds and microseconds as longs), then 14 longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public Counters Rest;
    }

    [InlineArray(14)]
    private struct Counters
    {
        private long _first;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Rusage usage);
}
