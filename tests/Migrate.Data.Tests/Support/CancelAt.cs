namespace Migrate.Data.Tests.Support;

/// <summary>Progress that cancels the load once it has written <paramref name="rows"/> rows: a kill in the middle of a table.</summary>
public sealed class CancelAt(CancellationTokenSource source, long rows) : IProgress<long>
{
    public long Highest { get; private set; }

    public void Report(long value)
    {
        Highest = Math.Max(Highest, value);
        if (value >= rows) source.Cancel();
    }
}
