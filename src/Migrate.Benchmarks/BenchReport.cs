using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Migrate.Benchmarks;

/// <summary>The table printed at the end and bench.json: medians, throughput, peak memory, ratios to the floors.</summary>
internal static partial class BenchReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Table(IReadOnlyList<Measurement> results)
    {
        var text = new StringBuilder();
        text.Append(Invariant($"{"persons",10}  {"measure",-26} {"median s",9} {"CPU s",6} {"server CPU s",12} {"runs",4} {"rows",12} {"rows/s",11} {"MB/s",7} {"peak RSS MB",11}  ours ÷ floor\n"));
        foreach (var group in results.GroupBy(m => m.Persons))
        {
            foreach (var m in group)
            {
                if (m.Seconds.Count == 0)
                {
                    text.Append(Invariant($"{m.Persons,10:N0}  {m.Name,-26} {m.Note}\n"));
                    continue;
                }
                var median = m.Median;
                var ratio = Ratio(m, group) is { } r ? Invariant($"{r:F2}× {m.Floor}") : "";
                if (PairedRatios(m, group) is [_, _, ..] paired)
                    ratio += Invariant($" (per run {paired.Min():F2}–{paired.Max():F2}, median {Measurement.MedianOf(paired):F2})");
                var peak = m.PeakRss > 0 ? Invariant($"{m.PeakRss / 1_048_576.0:F0}") : "-";
                var cpu = m.CpuSeconds.Count > 0 ? Invariant($"{Measurement.MedianOf(m.CpuSeconds):F2}") : "-";
                var server = m.ServerCpuSeconds.Count > 0 ? Invariant($"{Measurement.MedianOf(m.ServerCpuSeconds):F2}") : "-";
                text.Append(Invariant($"{m.Persons,10:N0}  {m.Name,-26} {median,9:F2} {cpu,6} {server,12} {m.Seconds.Count,4} {m.Rows,12:N0} {m.Rows / median,11:N0} {m.Bytes / 1_048_576.0 / median,7:F1} {peak,11}  {ratio}\n"));
            }
        }
        var sizes = results.Select(m => m.Persons).Distinct().Order().ToList();
        if (sizes.Count > 1)
        {
            // Flat memory: peak RSS of the largest size over that of the smallest, per migrate command.
            foreach (var name in results.Where(m => m.PeakRss > 0).Select(m => m.Name).Distinct())
            {
                var small = results.First(m => m.Persons == sizes[0] && m.Name == name).PeakRss;
                var large = results.FirstOrDefault(m => m.Persons == sizes[^1] && m.Name == name)?.PeakRss ?? 0;
                if (small > 0 && large > 0)
                    text.Append(Invariant($"peak RSS {name}: {sizes[^1]:N0} persons ÷ {sizes[0]:N0} persons = {(double)large / small:F2}\n"));
            }
        }
        return text.ToString();
    }

    public static void WriteJson(string path, BenchOptions options, IReadOnlyList<Measurement> results)
    {
        var document = new
        {
            schema_version = 1,
            date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            machine = Machine(),
            repeat = options.Repeat,
            seed = options.Seed,
            postgres = options.Postgres is not null,
            sizes = results.GroupBy(m => m.Persons).Select(group => new
            {
                persons = group.Key,
                measurements = group.Select(m => new
                {
                    name = m.Name,
                    seconds = m.Seconds,
                    median_seconds = m.Seconds.Count == 0 ? (double?)null : Math.Round(m.Median, 3),
                    cpu_seconds = m.CpuSeconds.Count == 0 ? null : m.CpuSeconds.Select(c => Math.Round(c, 2)),
                    server_cpu_seconds = m.ServerCpuSeconds.Count == 0 ? null : m.ServerCpuSeconds.Select(c => Math.Round(c, 2)),
                    rows = m.Rows,
                    bytes = m.Bytes,
                    rows_per_second = m.Seconds.Count == 0 ? (double?)null : Math.Round(m.Rows / m.Median),
                    megabytes_per_second = m.Seconds.Count == 0 ? (double?)null : Math.Round(m.Bytes / 1_048_576.0 / m.Median, 1),
                    peak_rss_bytes = m.PeakRss > 0 ? m.PeakRss : (long?)null,
                    floor = m.Floor,
                    ratio_to_floor = Ratio(m, group) is { } r ? Math.Round(r, 2) : (double?)null,
                    ratios_per_run = PairedRatios(m, group) is { Count: > 0 } paired ? paired.Select(r => Math.Round(r, 3)) : null,
                    note = m.Note,
                }),
            }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, JsonOptions));
    }

    private static double? Ratio(Measurement m, IEnumerable<Measurement> sameSize)
    {
        if (m.Seconds.Count == 0) return null;
        return FloorOf(m, sameSize) is { Seconds.Count: > 0 } floor ? m.Median / floor.Median : null;
    }

    /// <summary>
    /// Each repeat's time over the floor's time in the same repeat. The two ran one after the other,
    /// so a drift of the machine's speed between repeats (seen here: the floor took 9-15 s over one
    /// session) moves both alike; the ratio of the medians pairs times from different repeats.
    /// </summary>
    private static IReadOnlyList<double> PairedRatios(Measurement m, IEnumerable<Measurement> sameSize)
    {
        if (FloorOf(m, sameSize) is not { } floor) return [];
        var pairs = Math.Min(m.Seconds.Count, floor.Seconds.Count);
        return [.. Enumerable.Range(0, pairs).Select(i => m.Seconds[i] / floor.Seconds[i])];
    }

    /// <summary>The measurement <paramref name="m"/> is divided by, at the same size; null when it has none.</summary>
    private static Measurement? FloorOf(Measurement m, IEnumerable<Measurement> sameSize) =>
        m.Floor is null ? null : sameSize.FirstOrDefault(f => f.Name == m.Floor);

    /// <summary>nproc, CPU model and memory, as the README's figures name them.</summary>
    public static object Machine()
    {
        string? cpu = null;
        long memory = 0;
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
            var total = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (total is not null && Digits().Match(total) is { Success: true } match) memory = long.Parse(match.Value, CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
        }
        return new
        {
            processors = Environment.ProcessorCount,
            cpu,
            memory_gib = Math.Round(memory / 1_073_741_824.0, 1),
            os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
