using System.Text.Json;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary><c>migrate benchmark</c> on a small generated sample: every stage measured, the rows agreeing with each other.</summary>
public sealed class BenchmarkCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Measures_each_stage_with_its_rows_wall_and_cpu_time()
    {
        var result = await CliRunner.RunAsync(["benchmark", "--rows", "300", "--mapping", RepoPaths.VendorAMapping, "--dir", _temp.Combine("bench"), "--json"]);

        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var stages = json.RootElement.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!);
        stages.Keys.ShouldBe(["sample", "extract", "map", "load (sqlite)", "extract+map+load"]);
        long Rows(string stage) => stages[stage].GetProperty("rows").GetInt64();
        double Number(string stage, string name) => stages[stage].GetProperty(name).GetDouble();

        // The generator's records are what extract reads; map reads what extract staged, and load
        // takes what map did not reject or filter.
        Rows("extract").ShouldBe(Rows("sample"));
        Rows("map").ShouldBeLessThanOrEqualTo(Rows("extract"));
        Rows("load (sqlite)").ShouldBeLessThanOrEqualTo(Rows("map"));
        Rows("load (sqlite)").ShouldBeGreaterThan(Rows("sample") / 2);
        foreach (var stage in new[] { "extract", "map", "load (sqlite)" })
        {
            Number(stage, "seconds").ShouldBeGreaterThan(0);
            Number(stage, "cpu_seconds").ShouldBeGreaterThan(0);
            stages[stage].GetProperty("peak_megabytes").GetInt64().ShouldBeGreaterThan(0);
        }
        Number("extract+map+load", "seconds").ShouldBe(Number("extract", "seconds") + Number("map", "seconds") + Number("load (sqlite)", "seconds"), 0.01);
        Number("extract+map+load", "cpu_seconds").ShouldBe(Number("extract", "cpu_seconds") + Number("map", "cpu_seconds") + Number("load (sqlite)", "cpu_seconds"), 0.01);
        Directory.Exists(_temp.Combine("bench", "work")).ShouldBeTrue();
    }
}
