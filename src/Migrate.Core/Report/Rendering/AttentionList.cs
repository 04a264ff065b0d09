namespace Migrate.Core.Report.Rendering;

/// <summary>One line of the first page's "needs attention first" list.</summary>
internal sealed record AttentionItem(string Kind, string Text, long Count);

/// <summary>
/// What a CIO should look at first, ranked: tables that do not reconcile, findings in critical tables
/// (支援措置; its items without a source as one line per table), lossy conversions, unresolved 外字, then rejects by reason (largest first). Both
/// renderers print it on page 1, so the ranking is the same everywhere.
/// </summary>
internal static class AttentionList
{
    public const int MaxItems = 12;

    /// <summary>Items named on a critical table's one "without a source" line; the category section lists them all.</summary>
    private const int NamesShown = 5;

    public static IReadOnlyList<AttentionItem> For(MigrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var items = new List<AttentionItem>();
        foreach (var table in report.Reconciliation?.Tables.Where(t => !t.Balanced) ?? [])
            items.Add(new("件数不一致", $"{TableName(report, table.TableId)}: 読み込み件数と 移行＋リジェクト＋除外 が一致しません", table.Read));
        var critical = report.Tables.Where(t => t.Critical).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var inCritical = report.Findings.Where(f => f.Table is not null && critical.Contains(f.Table)).ToList();
        foreach (var f in inCritical.Where(f => f.Category != FindingCategory.MissingItem).OrderByDescending(f => f.Count))
            items.Add(new("重要", $"{TableName(report, f.Table!)}: {f.Title}", f.Count));
        // A critical table's items without a source are one line per table: the standard's 支援措置 has a
        // dozen items most exports never kept, and a line each pushed 外字 and rejects off page 1.
        foreach (var table in inCritical.Where(f => f.Category == FindingCategory.MissingItem).GroupBy(f => f.Table!, StringComparer.Ordinal))
            items.Add(new("重要", table.Count() == 1
                ? $"{TableName(report, table.Key)}: {table.First().Title}"
                : $"{TableName(report, table.Key)}: 移行元のない標準項目 {table.Count()} 項目（{string.Join("、", table.Take(NamesShown).Select(f => f.ItemName ?? f.Title))}{(table.Count() > NamesShown ? " ほか" : "")}）",
                table.Sum(f => f.Count)));
        foreach (var f in report.Findings.Where(f => f.Category == FindingCategory.Lossy).OrderByDescending(f => f.Count))
            items.Add(new("情報の欠落", f.Title, f.Count));
        foreach (var f in report.Findings.Where(f => f.Category == FindingCategory.Gaiji && f.Resolution == "unresolved").OrderByDescending(f => f.Count))
            items.Add(new("未解決の外字", f.Title, f.Count));
        foreach (var g in report.Rejects.GroupBy(r => r.Code).Select(g => (Code: g.Key, Count: g.Sum(r => r.Count))).OrderByDescending(g => g.Count).ThenBy(g => g.Code, StringComparer.Ordinal))
            items.Add(new("リジェクト", $"{ReportLabels.RejectReason(g.Code)}（{g.Code}）", g.Count));
        return items.Take(MaxItems).ToList();
    }

    private static string TableName(MigrationReport report, string id) =>
        report.Tables.FirstOrDefault(t => t.Id == id) is { } t ? $"{t.Name}（{id}）" : id;
}
