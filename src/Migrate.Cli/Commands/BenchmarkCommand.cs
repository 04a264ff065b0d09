using System.CommandLine;
using System.Globalization;
using Migrate.Cli.Benchmark;

namespace Migrate.Cli.Commands;

/// <summary><c>migrate benchmark</c>: rows/s, CPU time per stage and peak memory on generated data (run by hand, not in CI).</summary>
public static class BenchmarkCommand
{
    public static Command Create(CliContext context)
    {
        var rows = new Option<long>("--rows", "-n") { Description = "Persons to generate (history rows come on top)", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Sample seed", DefaultValueFactory = _ => 1 };
        var mapping = new Option<string>("--mapping", "-m") { Description = "Mapping to run", DefaultValueFactory = _ => Path.Combine("mappings", "vendors", "vendor-a", "juki.yaml") };
        var directory = new Option<string?>("--dir") { Description = "Folder for the generated data and work files (default: a temp folder, deleted afterwards)" };
        var command = new Command("benchmark", "Measure each stage on generated data: rows/s, MB/s and peak memory") { rows, seed, mapping, directory };
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(context.Json);
            return CommandHost.ExecuteAsync(context, "benchmark", json, async () =>
            {
                var keep = result.GetValue(directory);
                var dir = keep ?? Path.Combine(Path.GetTempPath(), "migrate-bench-" + Guid.NewGuid().ToString("N")[..8]);
                try
                {
                    var measurements = await new PipelineBenchmark(result.GetValue(mapping)!, dir).RunAsync(result.GetValue(rows), result.GetValue(seed), ct);
                    if (json)
                    {
                        CommandHost.WriteJson(context, new
                        {
                            SchemaVersion = 1,
                            Command = "benchmark",
                            Persons = result.GetValue(rows),
                            Environment.ProcessorCount,
                            Stages = measurements.Select(m => new { m.Stage, m.Rows, m.Bytes, Seconds = Math.Round(m.Seconds, 3), CpuSeconds = Math.Round(m.CpuSeconds, 3), RowsPerSecond = Math.Round(m.RowsPerSecond), MegabytesPerSecond = Math.Round(m.MegabytesPerSecond, 1), PeakMegabytes = m.PeakWorkingSetBytes / 1_048_576 }),
                        });
                    }
                    else
                    {
                        var o = context.Console.Out;
                        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"stage",-18} {"rows",12} {"seconds",9} {"CPU s",8} {"rows/s",12} {"MB/s",8} {"peak MB",8}"));
                        foreach (var m in measurements)
                            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Stage,-18} {m.Rows,12:N0} {m.Seconds,9:F2} {m.CpuSeconds,8:F2} {m.RowsPerSecond,12:N0} {m.MegabytesPerSecond,8:F1} {m.PeakWorkingSetBytes / 1_048_576,8:N0}"));
                    }
                    return ExitCodes.Success;
                }
                finally
                {
                    if (keep is null && Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
                }
            });
        });
        return command;
    }
}
