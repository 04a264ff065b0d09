namespace Migrate.Data;

/// <summary>
/// How often a server target tries to establish a connection: a database restarting or a network
/// blip used to fail the whole run (exit 4). Only opening the connection is retried, never a
/// transaction: a load that lost its connection rolled back and is run again by the user.
/// The delay doubles after each failed attempt; each retry is announced through <see cref="Notice"/>.
/// </summary>
public sealed record ConnectionRetry(int Attempts, TimeSpan FirstDelay, Action<string>? Notice = null)
{
    /// <summary>Four attempts, 1 s, 2 s and 4 s apart.</summary>
    public static ConnectionRetry Default { get; } = new(4, TimeSpan.FromSeconds(1));

    public TimeSpan DelayAfter(int attempt) => FirstDelay * Math.Pow(2, attempt - 1);
}
