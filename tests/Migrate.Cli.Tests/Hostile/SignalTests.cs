using System.Diagnostics;
using System.Runtime.InteropServices;
using Migrate.Cli.Console;
using Migrate.Cli.Tests.Support;
using Npgsql;

namespace Migrate.Cli.Tests.Hostile;

[CollectionDefinition(nameof(SignalsRunAlone), DisableParallelization = true)]
public sealed class SignalsRunAlone;

/// <summary>
/// Issue 19 item 12: SIGINT, SIGTERM and SIGHUP stop every command as they stop <c>run</c>: cancelled,
/// rolled back, exit 4 with one line. Runs alone: a signal sent to this process reaches every
/// command running in it.
/// </summary>
[Collection(nameof(SignalsRunAlone))]
public sealed class SignalTests : IDisposable
{
    private readonly HostileWorkspace _w = new();

    public void Dispose() => _w.Dispose();

    private static void Send(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        kill.ExitCode.ShouldBe(0);
    }

    // SIGINT is sent to a child process below: the test runner itself answers Ctrl+C by stopping the run.
    [Theory]
    [InlineData("HUP", PosixSignal.SIGHUP)]
    [InlineData("TERM", PosixSignal.SIGTERM)]
    public void A_signal_cancels_the_command_instead_of_killing_the_process(string name, PosixSignal expected)
    {
        if (OperatingSystem.IsWindows()) return;
        // A process started under nohup inherits SIGHUP ignored, and must keep ignoring it: no handler is told.
        if (IgnoredSinceStart(expected)) Assert.Skip($"SIG{name} is ignored by this test process (started under nohup?)");
        using var interruption = new Interruption(CancellationToken.None);

        Send(Environment.ProcessId, name);

        WaitHandle.WaitAny([interruption.Token.WaitHandle, TestContext.Current.CancellationToken.WaitHandle], TimeSpan.FromSeconds(30));
        interruption.Token.IsCancellationRequested.ShouldBeTrue($"SIG{name} did not cancel within 30 s");
        interruption.Signal.ShouldBe(expected);
    }

    /// <summary>Whether the process ignores <paramref name="signal"/> (the SigIgn mask of /proc/self/status, bit signal − 1).</summary>
    private static bool IgnoredSinceStart(PosixSignal signal)
    {
        var number = signal switch { PosixSignal.SIGHUP => 1, PosixSignal.SIGTERM => 15, _ => 0 };
        var mask = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return number > 0 && mask is not null
            && (ulong.Parse(mask["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & (1UL << (number - 1))) != 0;
    }

    [Fact]
    public async Task What_an_interrupted_command_throws_on_its_way_out_is_reported_as_the_interruption()
    {
        using var interrupted = new CancellationTokenSource();
        await interrupted.CancelAsync();
        var console = new BufferedConsole();
        var context = new CliContext(console, _ => null) { Interrupted = interrupted.Token };

        // Npgsql's COPY writer, its connection closed under it by the cancellation, threw this and was reported as a bug.
        var exit = await CommandHost.ExecuteAsync(context, "load", json: false, () => throw new ObjectDisposedException("NpgsqlBinaryImporter"));

        exit.ShouldBe(ExitCodes.Environment);
        console.ErrorBuffer.ToString().ShouldBe("migrate load: interrupted; the target was left as it was (rerun the command to continue)" + Environment.NewLine);
    }

    [Fact]
    public async Task Ctrl_c_during_a_postgres_load_rolls_back_and_exits_4_with_one_line()
    {
        if (OperatingSystem.IsWindows()) return;
        await using var schema = await PostgresSchema.CreateAsync();
        (await CliRunner.RunAsync("run", "--mapping", _w.Mapping, "--source", _w.Source, "--out", _w.Work, "--quiet")).ExitCode.ShouldBe(0);
        // Hold the lock every load into this schema takes first, so the load is surely under way when the signal comes.
        await using var holder = new NpgsqlConnection(schema.ConnectionString);
        await holder.OpenAsync(TestContext.Current.CancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('migrate:' || current_schema()))", holder))
            await take.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);

        using var load = CliProcess.Start("022", schema.Environment, "load", "--out", _w.Work, "--target", schema.Target, "--replace", "--quiet");
        while (Convert.ToInt64(await schema.ScalarAsync("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%pg_advisory_xact_lock%'"), System.Globalization.CultureInfo.InvariantCulture) == 0)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        Send(load.Id, "INT");
        var result = await load.WaitAsync();

        result.ExitCode.ShouldBe(4, result.Error);
        result.Error.ShouldBe("migrate load: interrupted; the target was left as it was (rerun the command to continue)\n");
        (await schema.ScalarAsync("SELECT to_regclass('juki_person') IS NULL")).ShouldBe(true);
    }
}
