namespace Migrate.Cli.Tests.Support;

/// <summary>Writes small vendor-a exports as real CP932 bytes, row by row, so tests know every value.</summary>
public static class VendorAFiles
{
    public static readonly string[] JuminColumns =
    [
        "ATENA_NO", "RIREKI_NO", "SETAI_NO", "SHIMEI", "KANA_SHIMEI", "KYUUJI", "SEINENGAPPI", "SEIBETSU",
        "ZOKUGARA", "JUMIN_SHUBETSU", "JUMIN_JOTAI", "JUMIN_YMD", "JUTEI_YMD", "SHICHOSON_CD", "JUSHO",
        "KATAGAKI", "YUBIN", "TENNYU_MAE", "HONSEKI", "HITTOSHA", "KOJIN_NO", "JUKI_CODE", "IDO_JIYU",
        "IDO_YMD", "TODOKEDE_YMD", "SHIEN_FLG", "ALPHA_NAME", "TSUSHO", "KOKUSEKI", "ZAIRYU_SHIKAKU",
        "ZAIRYU_KIKAN", "ZAIRYU_MANRYO", "ZAIRYU_CARD", "MEMO", "CHIIKI_FLG",
    ];

    public static readonly string[] ShienColumns = ["ATENA_NO", "SHIEN_KBN", "KAISHI_YMD", "SHURYO_YMD", "TANTO_KA"];

    /// <summary>A valid person row; override columns by name.</summary>
    public static Dictionary<string, string> Person(string atena, int rireki = 1, params (string Column, string Value)[] overrides)
    {
        var row = new Dictionary<string, string>
        {
            ["ATENA_NO"] = atena,
            ["RIREKI_NO"] = rireki.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SETAI_NO"] = "0000000019",
            ["SHIMEI"] = "山田　太郎",
            ["KANA_SHIMEI"] = "ﾔﾏﾀﾞ ﾀﾛｳ",
            ["KYUUJI"] = "",
            ["SEINENGAPPI"] = "3500301",
            ["SEIBETSU"] = "M",
            ["ZOKUGARA"] = "01",
            ["JUMIN_SHUBETSU"] = "J",
            ["JUMIN_JOTAI"] = "0",
            ["JUMIN_YMD"] = "3500301",
            ["JUTEI_YMD"] = "4100401",
            ["SHICHOSON_CD"] = "131016",
            ["JUSHO"] = "東京都千代田区千代田１丁目１番１号",
            ["KATAGAKI"] = "",
            ["YUBIN"] = "100-0001",
            ["TENNYU_MAE"] = "",
            ["HONSEKI"] = "東京都千代田区",
            ["HITTOSHA"] = "山田　一郎",
            ["KOJIN_NO"] = "123456789018",
            ["JUKI_CODE"] = "12345678901",
            ["IDO_JIYU"] = "A2",
            ["IDO_YMD"] = "3500301",
            ["TODOKEDE_YMD"] = "3500305",
            ["SHIEN_FLG"] = "0",
            ["ALPHA_NAME"] = "",
            ["TSUSHO"] = "",
            ["KOKUSEKI"] = "",
            ["ZAIRYU_SHIKAKU"] = "",
            ["ZAIRYU_KIKAN"] = "",
            ["ZAIRYU_MANRYO"] = "",
            ["ZAIRYU_CARD"] = "",
            ["MEMO"] = "",
            ["CHIIKI_FLG"] = "1",
        };
        foreach (var (column, value) in overrides) row[column] = value;
        return row;
    }

    public static string Line(IReadOnlyList<string> columns, IReadOnlyDictionary<string, string> row) =>
        string.Join(",", columns.Select(c => Quote(row[c])));

    public static void WriteJumin(string directory, IEnumerable<Dictionary<string, string>> rows, params string[] rawLines) =>
        Write(Path.Combine(directory, "JUMIN.CSV"), JuminColumns, rows.Select(r => Line(JuminColumns, r)).Concat(rawLines));

    public static void WriteShien(string directory, params string[] lines) =>
        Write(Path.Combine(directory, "SHIEN.CSV"), ShienColumns, lines);

    public static void Write(string path, IReadOnlyList<string> columns, IEnumerable<string> lines)
    {
        using var stream = File.Create(path);
        var header = Cp932.Strict.GetBytes(string.Join(",", columns) + "\r\n");
        stream.Write(header);
        foreach (var line in lines) stream.Write(Cp932.Strict.GetBytes(line + "\r\n"));
    }

    /// <summary>Appends raw bytes as one more record (for invalid-byte tests).</summary>
    public static void AppendBytes(string path, byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.Append);
        stream.Write(bytes);
        stream.Write("\r\n"u8);
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
