using System.Text.Json;
using Microsoft.Data.Sqlite;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests;

/// <summary>The second domain (個人住民税) runs end to end with nothing but its standard and mapping.</summary>
public sealed class KojinJuminzeiEndToEndTests : IDisposable
{
    private static readonly string Mapping = RepoPaths.VendorMapping("vendor-a", "kojin-juminzei");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Generated_tax_export_checks_runs_and_loads_integer_yen()
    {
        var source = _temp.Combine("src");
        var work = _temp.Combine("work");
        (await CliRunner.RunAsync("sample", "--vendor", "vendor-a-tax", "--rows", "200", "--seed", "5", "--out", source, "--quiet")).ExitCode.ShouldBe(0);

        var check = await CliRunner.RunAsync("check", "--mapping", Mapping, "--source", source);
        check.ExitCode.ShouldBe(0, check.Out + check.Error);
        check.Out.ShouldNotContain("warning");

        var run = await CliRunner.RunAsync("run", "--mapping", Mapping, "--source", source, "--out", work, "--quiet", "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        using (var summary = JsonDocument.Parse(run.Out))
        {
            var balance = summary.RootElement.GetProperty("reconciliation").GetProperty("tables")[0];
            balance.GetProperty("table_id").GetString().ShouldBe("taxpayer");
            balance.GetProperty("read").GetInt64().ShouldBe(400);
            balance.GetProperty("loaded").GetInt64().ShouldBe(400);
            balance.GetProperty("balanced").GetBoolean().ShouldBeTrue();
        }
        await using var db = new SqliteConnection($"Data Source={Path.Combine(work, "standard.db")};Pooling=False");
        await db.OpenAsync(TestContext.Current.CancellationToken);
        Scalar(db, "SELECT COUNT(DISTINCT kazei_nendo) FROM \"kojin-juminzei_taxpayer\"").ShouldBe(2L);
        Scalar(db, "SELECT COUNT(*) FROM \"kojin-juminzei_taxpayer\" WHERE typeof(nengaku) <> 'integer' OR typeof(kyuyo_shunyu) <> 'integer'").ShouldBe(0L);
        Scalar(db, "SELECT COUNT(*) FROM \"kojin-juminzei_taxpayer\" WHERE nengaku <> shotokuwari + kintowari").ShouldBe(0L);
        Scalar(db, "SELECT COUNT(*) FROM \"kojin-juminzei_taxpayer\" WHERE kazei_kubun = '3' AND nengaku <> 0").ShouldBe(0L);
        Scalar(db, "SELECT COUNT(*) FROM \"kojin-juminzei_taxpayer\" WHERE choshu_hoho = '2' AND tokucho_gimusha_no IS NULL").ShouldBe(0L);
        ((long)Scalar(db, "SELECT COUNT(*) FROM \"kojin-juminzei_taxpayer\" WHERE choshu_hoho = '2'")!).ShouldBeGreaterThan(0);
        ((long)Scalar(db, "SELECT MAX(kyuyo_shunyu) FROM \"kojin-juminzei_taxpayer\"")!).ShouldBeGreaterThan(1_000_000);

        var report = await File.ReadAllTextAsync(Path.Combine(work, "report", "report.json"), TestContext.Current.CancellationToken);
        report.ShouldContain("BIKO");
        report.ShouldContain("notice-qr-code");
    }

    [Fact]
    public async Task Tax_sample_is_deterministic()
    {
        await CliRunner.RunAsync("sample", "--vendor", "vendor-a-tax", "--rows", "50", "--seed", "9", "--out", _temp.Combine("a"), "--quiet");
        await CliRunner.RunAsync("sample", "--vendor", "vendor-a-tax", "--rows", "50", "--seed", "9", "--out", _temp.Combine("b"), "--quiet");

        (await File.ReadAllBytesAsync(_temp.Combine("a", "ZEIGAKU.CSV"), TestContext.Current.CancellationToken))
            .ShouldBeSameBytes(await File.ReadAllBytesAsync(_temp.Combine("b", "ZEIGAKU.CSV"), TestContext.Current.CancellationToken));
    }

    private static object? Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
