using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Migrate.Cli.Console;
using Migrate.Core.Diagnostics;
using Migrate.Samples;

namespace Migrate.Cli.Commands;

/// <summary><c>migrate sample</c>: deterministic synthetic legacy exports with known defects.</summary>
public static class SampleCommand
{
    public static Command Create(CliContext context)
    {
        var vendor = new Option<string>("--vendor") { Description = $"Fictional vendor: {string.Join(", ", SampleCatalog.All.Select(v => v.Name))}", DefaultValueFactory = _ => "vendor-a" };
        var rows = new Option<long>("--rows", "-n") { Description = "Number of persons (history rows come on top)", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed and size give byte-identical files", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the legacy export into", Required = true };
        var command = new Command("sample", "Generate a realistic synthetic legacy export (fictional vendor, any size, known defect rates)") { vendor, rows, seed, output };
        command.SetAction((result, ct) =>
        {
            var json = result.GetValue(context.Json);
            var quiet = result.GetValue(context.Quiet);
            return CommandHost.ExecuteAsync(context, "sample", json, async () =>
            {
                var name = result.GetValue(vendor)!;
                var generator = SampleCatalog.Find(name)
                    ?? throw MigrateException.Usage($"--vendor {name}: unknown vendor{Core.Text.DidYouMean.Hint(name, SampleCatalog.All.Select(v => v.Name))}; known: {string.Join(", ", SampleCatalog.All.Select(v => v.Name))}");
                var persons = result.GetValue(rows);
                if (persons < 1) throw MigrateException.Usage("--rows must be at least 1");
                var clock = Stopwatch.StartNew();
                var summary = await ProgressHost.RunAsync(context.Console, quiet, progress =>
                    generator.WriteAsync(new SampleOptions(name, persons, result.GetValue(seed), result.GetValue(output)!),
                        progress.Start($"sample {name}", persons), ct));
                if (json) CommandHost.WriteJson(context, new { SchemaVersion = 1, Command = "sample", summary.Vendor, summary.Persons, summary.RowsPerFile, summary.DefectsByKind });
                if (!quiet)
                {
                    foreach (var (file, count) in summary.RowsPerFile)
                        context.Console.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {file}: {count:N0} rows"));
                    context.Console.Log.WriteLine("  defects: " + string.Join(", ", summary.DefectsByKind.Select(d => $"{d.Key} {d.Value}")));
                    context.Console.Log.WriteLine($"migrate sample: wrote {result.GetValue(output)} in {clock.Elapsed.TotalSeconds:F1}s");
                }
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
