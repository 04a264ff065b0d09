namespace Migrate.Cli.Benchmark;

/// <summary>One measured stage: rows and bytes processed, wall time and the process's peak memory so far.</summary>
public sealed record StageMeasurement(string Stage, long Rows, long Bytes, double Seconds, long PeakWorkingSetBytes)
{
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;
    public double MegabytesPerSecond => Seconds > 0 ? Bytes / 1_048_576.0 / Seconds : 0;
}
