using System.Globalization;
using Migrate.Benchmarks;

// The load benchmark (issue 7): `migrate` against the databases' own bulk import, on the same
// files, in one run. See README.md, "Performance".
try
{
    var options = BenchOptions.Parse(args);
    if (options is null)
    {
        Console.WriteLine(BenchOptions.Usage);
        return 0;
    }
    var results = new Harness(options).Run();
    var json = Path.Combine(options.OutDirectory, "bench.json");
    BenchReport.WriteJson(json, options, results);
    Console.WriteLine();
    Console.WriteLine(BenchReport.Table(results));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {json}"));
    return 0;
}
catch (BenchException e)
{
    Console.Error.WriteLine("bench: " + e.Message);
    return 2;
}
