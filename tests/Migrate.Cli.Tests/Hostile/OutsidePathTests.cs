using System.Text.Json;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests.Hostile;

/// <summary>Issue 19 item 3: a file outside --source is read only when the mapping allows it, and is then recorded by its real path.</summary>
public sealed class OutsidePathTests : IDisposable
{
    private readonly HostileWorkspace _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public async Task An_allowed_file_outside_the_source_is_recorded_in_the_manifest_by_its_real_path()
    {
        var other = _w.Combine("other-export");
        Directory.CreateDirectory(other);
        File.Move(Path.Combine(_w.Source, "JUMIN.CSV"), Path.Combine(other, "JUMIN.CSV"));
        var mapping = _w.MappingWith("outside", "    file: JUMIN.CSV\n", $"    file: {Path.Combine(other, "JUMIN.CSV")}\n    allow_outside: true\n");

        var result = await CliRunner.RunAsync("run", "--mapping", mapping, "--source", _w.Source, "--out", _w.Work, "--quiet");

        result.ExitCode.ShouldBe(0, result.Error);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_w.Work, "manifest.json"), TestContext.Current.CancellationToken));
        var files = manifest.RootElement.GetProperty("extract").GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("file").GetString()).ToList();
        files.ShouldBe([Path.Combine(other, "JUMIN.CSV"), "SHIEN.CSV"]);
    }
}
