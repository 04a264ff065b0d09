using System.Globalization;
using Migrate.Core.Pipeline;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Migrate.Cli.Console;

/// <summary>
/// Done/total of a task in its unit: "12,345/100,000 records", "12.3/45.6 MB", or only the count while
/// the total is not known (a streamed run maps and loads while it still extracts).
/// </summary>
public sealed class CountColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        var bytes = task.Tag is ProgressUnit.Bytes;
        var known = !task.IsIndeterminate;
        var text = bytes
            ? known ? $"{Mb(task.Value)}/{Mb(task.MaxValue)} MB" : $"{Mb(task.Value)} MB"
            : known ? $"{N(task.Value)}/{N(task.MaxValue)} records" : $"{N(task.Value)} records";
        return new Markup(Markup.Escape(text));
    }

    internal static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Mb(double bytes) => (bytes / 1_000_000).ToString("N1", CultureInfo.InvariantCulture);
}

/// <summary>The current rate: "23,456 rows/s" or "12.3 MB/s" (Spectre's moving average of value changes).</summary>
public sealed class RateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Speed is not { } speed || speed <= 0) return new Text("");
        return new Markup(task.Tag is ProgressUnit.Bytes ? $"{CountColumn.Mb(speed)} MB/s" : $"{CountColumn.N(speed)} rows/s");
    }
}

/// <summary>Time left at the current rate, when the total is known ("ETA 0:01:23").</summary>
public sealed class EtaColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.IsFinished) return new Text("done");
        if (task.IsIndeterminate || task.RemainingTime is not { } left) return new Text("");
        return new Text("ETA " + left.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture));
    }
}
