using System.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Pipeline;
using Migrate.Data;
using Migrate.Data.Engines;
using Migrate.Samples;

namespace Migrate.Cli.Benchmark;

/// <summary>
/// Generates N persons of vendor-a data, then times each stage alone in this process and reports
/// rows/s, MB/s, CPU time and peak working set (max RSS). Not a test: numbers depend on the machine.
/// </summary>
public sealed class PipelineBenchmark(string mappingPath, string directory)
{
    public async Task<IReadOnlyList<StageMeasurement>> RunAsync(long persons, int seed, CancellationToken cancellationToken)
    {
        var source = Path.Combine(directory, "source");
        var work = Path.Combine(directory, "work");
        var results = new List<StageMeasurement>();

        var clock = StageClock.Start();
        var sample = await new VendorASample().WriteAsync(new SampleOptions("vendor-a", persons, seed, source), null, cancellationToken);
        results.Add(Measure("sample", sample.RowsPerFile.Values.Sum(), DirectoryBytes(source), clock));

        var session = MigrationSession.Open(mappingPath, null, work);
        var runner = new MigrationRunner(session, NoProgress.None);

        clock = StageClock.Start();
        var extracted = await runner.ExtractAsync(source, cancellationToken);
        results.Add(Measure("extract", extracted.Extract!.Sources.Sum(s => s.Records), extracted.Extract.Sources.Sum(s => s.Bytes), clock));

        clock = StageClock.Start();
        var mapped = await runner.MapAsync(cancellationToken);
        results.Add(Measure("map", mapped.Map!.Tables.Sum(t => t.Read), DirectoryBytes(session.Work.StagingDirectory), clock));

        var database = Path.Combine(directory, "bench.db");
        File.Delete(database);
        await using var target = TargetFactory.Create(new TargetSpec(DatabaseEngines.Sqlite, database));
        clock = StageClock.Start();
        var loaded = await runner.LoadAsync(target, new LoadOptions(Replace: true, null), cancellationToken);
        results.Add(Measure("load (sqlite)", loaded.Load!.Tables.Sum(t => t.Loaded), DirectoryBytes(session.Work.MappedDirectory), clock));

        var stages = results.Skip(1).ToList();
        results.Add(new StageMeasurement("extract+map+load", results[1].Rows, results[1].Bytes, stages.Sum(r => r.Seconds), stages.Sum(r => r.CpuSeconds),
            results.Max(r => r.PeakWorkingSetBytes)));
        return results;
    }

    private static StageMeasurement Measure(string stage, long rows, long bytes, StageClock clock)
    {
        var (seconds, cpuSeconds) = clock.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new StageMeasurement(stage, rows, bytes, seconds, cpuSeconds, process.PeakWorkingSet64);
    }

    /// <summary>Wall and CPU time of this process from <see cref="Start"/> to <see cref="Stop"/>.</summary>
    private sealed class StageClock
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private readonly TimeSpan _cpu = CpuTime();

        public static StageClock Start() => new();

        public (double Seconds, double CpuSeconds) Stop()
        {
            _wall.Stop();
            return (_wall.Elapsed.TotalSeconds, (CpuTime() - _cpu).TotalSeconds);
        }

        private static TimeSpan CpuTime()
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }
    }

    private static long DirectoryBytes(string path) =>
        Directory.EnumerateFiles(path).Sum(f => new FileInfo(f).Length);
}
