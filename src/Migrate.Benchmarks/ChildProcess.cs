using System.Diagnostics;
using System.Globalization;

namespace Migrate.Benchmarks;

/// <summary>One finished child process: wall time, CPU time (null where it is not measured), peak memory (VmHWM, max RSS) and exit code.</summary>
internal sealed record ChildResult(double Seconds, double? CpuSeconds, long PeakRssBytes, int ExitCode, string StandardError);

/// <summary>
/// Runs a command as a child process, timing it from start to exit, taking its CPU time
/// (<see cref="ChildCpu"/>) and sampling its peak resident set (/proc/PID/status VmHWM, which only
/// grows) until it exits. Standard output is discarded (or
/// written to a file), standard error kept for the error message.
/// </summary>
internal static class ChildProcess
{
    public static ChildResult Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null, string? standardInputFile = null, string? standardOutputFile = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInputFile is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The child's own progress bars and colours are not part of what is measured.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (environment is not null)
        {
            foreach (var (key, value) in environment) start.Environment[key] = value;
        }

        var cpu = ChildCpu.Seconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stderr = process.StandardError.ReadToEndAsync();
        using var output = standardOutputFile is null ? Stream.Null : File.Create(standardOutputFile);
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(output);
        if (standardInputFile is not null)
        {
            using (var input = File.OpenRead(standardInputFile)) input.CopyTo(process.StandardInput.BaseStream);
            process.StandardInput.Close();
        }
        long peak = 0;
        while (!process.WaitForExit(20))
            peak = Math.Max(peak, PeakRss(process.Id));
        clock.Stop();
        process.WaitForExit();
        stdout.Wait();
        return new ChildResult(clock.Elapsed.TotalSeconds, ChildCpu.Seconds() - cpu, peak, process.ExitCode, stderr.Result);
    }

    /// <summary>VmHWM of a running process in bytes, or 0 when it has exited (or on a system without /proc).</summary>
    private static long PeakRss(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }

    /// <summary>The full path of a program on PATH (or the path itself when it is one and exists), else null.</summary>
    public static string? Find(string program)
    {
        if (program.Contains('/', StringComparison.Ordinal)) return File.Exists(program) ? program : null;
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
