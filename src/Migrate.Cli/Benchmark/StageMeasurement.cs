namespace Migrate.Cli.Benchmark;

/// <summary>
/// One measured stage: rows and bytes processed, wall time, the process's CPU time over the stage
/// (every thread and core: above the wall time when the stage keeps more than one core busy) and the
/// process's peak memory so far.
/// </summary>
public sealed record StageMeasurement(string Stage, long Rows, long Bytes, double Seconds, double CpuSeconds, long PeakWorkingSetBytes)
{
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;
    public double MegabytesPerSecond => Seconds > 0 ? Bytes / 1_048_576.0 / Seconds : 0;
}
