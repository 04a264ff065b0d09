using System.Globalization;
using System.Text;
using Migrate.Core.Load;
using Migrate.Core.Standard;

namespace Migrate.Data.Tests.Support;

/// <summary>Writes standard-layout (mapped) files the way the map stage does: UTF-8, header of item IDs, RFC 4180 quoting, empty = NULL.</summary>
public static class MappedFiles
{
    /// <summary>A valid person row; override items by ID (null = empty).</summary>
    public static Dictionary<string, string?> Person(int n, int rireki = 1, params (string Item, string? Value)[] overrides)
    {
        var row = new Dictionary<string, string?>
        {
            ["atena_no"] = n.ToString("D10", CultureInfo.InvariantCulture),
            ["rireki_no"] = rireki.ToString(CultureInfo.InvariantCulture),
            ["setai_no"] = "0000000019",
            ["shimei"] = n % 3 == 0 ? "髙橋　花子" : n % 3 == 1 ? "辻\U000E0100　𠮷男" : "山田, \"太郎\"",
            ["shimei_kana"] = "ヤマダ　タロウ",
            ["seinengappi"] = n % 7 == 0 ? null : "1975-03-01",
            ["seinengappi_fusho"] = n % 7 == 0 ? "1" : "0",
            ["seinengappi_fusho_hyoki"] = n % 7 == 0 ? "昭和50年3月日不詳" : null,
            ["seibetsu"] = "1",
            ["zokugara"] = "02",
            ["jumin_shubetsu"] = "1",
            ["jumin_jotai"] = "1",
            ["shichoson_code"] = "131016",
            ["jusho"] = "東京都千代田区千代田１丁目１番１号",
            ["yubin_no"] = "1000001",
            ["ido_jiyu"] = "01",
            ["ido_ymd"] = "2019-05-01",
            ["shien_sochi_flag"] = n % 5 == 0 ? "1" : "0",
        };
        foreach (var (item, value) in overrides) row[item] = value;
        return row;
    }

    public static Dictionary<string, string?> Support(int n) => new()
    {
        ["atena_no"] = n.ToString("D10", CultureInfo.InvariantCulture),
        ["shien_kubun"] = "1",
        ["kaishi_ymd"] = "2018-04-01",
    };

    public static LoadInput Write(string path, StandardTable table, IEnumerable<IReadOnlyDictionary<string, string?>> rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        writer.WriteLine(string.Join(",", table.Items.Select(i => i.Id)));
        foreach (var row in rows)
            writer.WriteLine(string.Join(",", table.Items.Select(i => Quote(row.GetValueOrDefault(i.Id)))));
        return new LoadInput(table, path);
    }

    /// <summary>The input with the count and checksum the target must hold (what the runner passes).</summary>
    public static LoadInput WithExpected(LoadInput input) => input with { Expected = MappedChecksum.Compute(input, CancellationToken.None) };

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
