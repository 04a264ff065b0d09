using System.Runtime.InteropServices;

namespace Migrate.Cli;

/// <summary>
/// Turns SIGINT (Ctrl+C), SIGTERM and SIGHUP (the terminal closed) into a cancellation every command
/// observes, so each stops the way <c>run</c> does: it rolls back, removes what it created and exits 4
/// with one line. System.CommandLine's own handling covers SIGINT and SIGTERM only, and gives up after
/// its timeout with exit 130/143 while a load may still be rolling back; this one waits for the command.
/// A second signal is not caught: whoever sends it gets the operating system's default (termination).
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly List<PosixSignalRegistration> _registrations = [];

    public Interruption(CancellationToken outer)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
    }

    public CancellationToken Token => _source.Token;

    /// <summary>Which signal stopped the command, for its one line; null when none did.</summary>
    public PosixSignal? Signal { get; private set; }

    private void OnSignal(PosixSignalContext context)
    {
        if (Signal is not null) return;
        Signal = context.Signal;
        context.Cancel = true;
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }
}
