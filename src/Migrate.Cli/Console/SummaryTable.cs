using System.Globalization;
using Migrate.Core.Manifests;
using Migrate.Core.Work;
using Spectre.Console;

namespace Migrate.Cli.Console;

/// <summary>The end-of-command counts as one table on a terminal: per stage and table, records in and out, and the rate.</summary>
public static class SummaryTable
{
    public static void Write(TextWriter error, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(manifest);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("stage").AddColumn("file / table")
            .AddColumn(new TableColumn("read").RightAligned()).AddColumn(new TableColumn("done").RightAligned())
            .AddColumn(new TableColumn("rejected").RightAligned()).AddColumn(new TableColumn("filtered").RightAligned())
            .AddColumn(new TableColumn("rows/s").RightAligned()).AddColumn("check");
        foreach (var s in manifest.Extract?.Sources ?? [])
            table.AddRow("extract", Markup.Escape(s.File ?? s.SourceId), N(s.Records), N(s.Staged), N(s.Rejected), "", Rate(s.Records, s.Seconds), "");
        foreach (var t in manifest.Map?.Tables ?? [])
            table.AddRow("map", Markup.Escape(t.TableId), N(t.Read), N(t.Mapped), N(t.Rejected), N(t.Filtered.Values.Sum()), Rate(t.Read, t.Seconds), "");
        foreach (var l in manifest.Load?.Tables ?? [])
        {
            var balance = manifest.Reconciliation?.Tables.FirstOrDefault(b => b.TableId == l.TableId);
            table.AddRow("load", Markup.Escape(l.TableId), balance is null ? "" : N(balance.Read), N(l.Loaded), balance is null ? "" : N(balance.Rejected),
                balance is null ? "" : N(balance.Filtered), "", balance is null ? "" : balance.Balanced ? "[green]balanced[/]" : "[red]MISMATCH[/]");
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error), Ansi = AnsiSupport.Yes });
        console.Write(table);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(long records, double seconds) =>
        seconds > 0 ? (records / seconds).ToString("N0", CultureInfo.InvariantCulture) : "";
}
