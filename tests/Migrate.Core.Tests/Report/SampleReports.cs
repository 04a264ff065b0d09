using Migrate.Core.Manifests;
using Migrate.Core.Report;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Report;

/// <summary>A hand-built report: a few findings of every category, some decided, rejects, one unbalanced table.</summary>
internal static class SampleReports
{
    public const string EscapedTitle = "独自項目 <b>&amp; \"quoted\"";
    public const string UnbalancedTable = "juki_support";

    public static MigrationReport Build(IEnumerable<Finding>? extraFindings = null)
    {
        var findings = new List<Finding>
        {
            new("custom-column/person/BIKO", FindingCategory.CustomColumn, "独自項目 BIKO（person.csv）",
                "標準にない列で、1,234 件（12.3%）にデータがあります。", 1234, Source: "person", Column: "BIKO",
                Disposition: Disposition.Justified, DecisionReason: "窓口の引継ぎメモとして必要（条例第3条）", DecidedBy: "情報政策課", DecidedOn: "2025-04-01"),
            new("custom-column/person/HTML", FindingCategory.CustomColumn, EscapedTitle, "説明, カンマ \"引用\"\n改行", 12, Source: "person", Column: "HTML"),
            new("custom-column/person/OLD_FLG", FindingCategory.CustomColumn, "独自項目 OLD_FLG（person.csv）", "データは入っていません。", 0,
                Source: "person", Column: "OLD_FLG", Disposition: Disposition.AdoptStandard, DecisionReason: "廃止する"),
            new("custom-code/zokugara/99", FindingCategory.CustomCode, "独自コード値 99（続柄）", "旧システム独自の値です。", 3456,
                Table: "juki_person", Item: "zokugara", ItemName: "続柄", LegacyValue: "99", StandardValue: "00", Resolution: "custom",
                Disposition: Disposition.Feedback, DecisionReason: "同居の事実婚を区別する区分。他団体でも必要", DecidedBy: "市民課"),
            new("custom-code/zokugara/X1", FindingCategory.CustomCode, "未定義コード値 X1（続柄）", "コード表にない値です。", 7,
                Table: "juki_person", Item: "zokugara", ItemName: "続柄", LegacyValue: "X1", Resolution: "unknown"),
            new("unmapped-table/kojin_memo", FindingCategory.UnmappedTable, "移行先のない旧テーブル kojin_memo.csv",
                "どの標準テーブルにも移行されません。", 5000, Source: "kojin_memo"),
            new("missing-item/juki_person/email", FindingCategory.MissingItem, "移行元のない標準項目 メールアドレス",
                "旧データに対応する列がないため、空のまま移行されます。", 0, Table: "juki_person", Item: "email", ItemName: "メールアドレス"),
            new("gaiji/F040", FindingCategory.Gaiji, "外字 F040（U+E000）", "外字表で標準の文字に同定しました。", 321,
                Item: "shimei", Resolution: "identified", LegacyValue: "F040"),
            new("gaiji/F041", FindingCategory.Gaiji, "外字 F041（U+E001）", "外字表で近い文字に縮退しました。", 45,
                Item: "shimei、jusho", Resolution: "reduced", LegacyValue: "F041"),
            new("gaiji/F042", FindingCategory.Gaiji, "外字 F042（U+E002）", "外字表に同定先がありません。", 6,
                Item: "shimei", Resolution: "unresolved", LegacyValue: "F042", Disposition: Disposition.Justified),
            new("lossy/katagaki/truncate", FindingCategory.Lossy, "情報が失われる変換（方書）", "桁数を超える値を切り詰めました。", 89,
                Table: "juki_person", Item: "katagaki", ItemName: "方書", Resolution: "truncate"),
            new("declared/form-001", FindingCategory.Declared, "独自帳票 転入届出確認票", "窓口で使う独自の帳票。", 0),
        };
        findings.AddRange(extraFindings ?? []);

        var reconciliation = new Reconciliation(false,
        [
            new TableBalance("juki_person", 1_200_000, 1_199_000, 900, 100, true),
            new TableBalance(UnbalancedTable, 34_567, 34_000, 500, 0, false),
        ]);

        return new MigrationReport
        {
            RunId = "20250401-120000-abcd",
            ToolVersion = "0.1.0",
            Vendor = "vendor-a",
            Municipality = "見本市",
            StandardId = "juki",
            StandardName = "住民記録",
            StandardVersion = "1.0",
            MappingSha256 = new string('a', 64),
            Summary = new ReportSummary(
                findings.Count,
                findings.GroupBy(f => ReportBuilder.Kebab(f.Category)).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
                findings.GroupBy(f => ReportBuilder.Kebab(f.Disposition)).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
                RowsRead: 1_234_567, RowsLoaded: 1_233_000, RowsRejected: 1_400, RowsFiltered: 100,
                GaijiResolved: 321, GaijiReduced: 45, GaijiUnresolved: 6, Balanced: false),
            Findings = findings,
            Rejects =
            [
                new RejectSummary("juki_person", "extract", "encoding.invalid", null, null, 3),
                new RejectSummary("juki_person", "map", "date.era-out-of-range", "seinengappi", "生年月日", 850),
                new RejectSummary("juki_person", "map", "check.my-number", "kojin_bango", "個人番号", 40),
                new RejectSummary("juki_person", "map", "chars.katakana", "shimei_kana", "氏名カナ", 7),
                new RejectSummary(UnbalancedTable, "map", "vendor.weird-code", null, null, 500),
            ],
            Reconciliation = reconciliation,
            Tables =
            [
                new TableInfo("juki_person", "住民", "Residents", false),
                new TableInfo(UnbalancedTable, "支援措置", "Support measures", true),
            ],
            NotChecked = ReportBuilder.NotChecked,
        };
    }

    /// <summary><paramref name="count"/> extra custom-column findings, numbered so their order is their ID order.</summary>
    public static IEnumerable<Finding> ManyCustomColumns(int count) =>
        Enumerable.Range(1, count).Select(i => new Finding($"custom-column/bulk/C{i:D4}", FindingCategory.CustomColumn,
            $"独自項目 C{i:D4}（bulk.csv）", "標準にない列です。", i, Source: "bulk", Column: $"C{i:D4}"));
}
