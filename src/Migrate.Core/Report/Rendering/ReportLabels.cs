using System.Globalization;
using Migrate.Core.Manifests;
using Migrate.Core.Work;

namespace Migrate.Core.Report.Rendering;

/// <summary>How one category is presented to people: fixed order, Japanese label and a plain-language explanation.</summary>
internal sealed record CategoryText(FindingCategory Category, string Key, string Label, string English, string Explanation);

/// <summary>
/// Japanese labels and explanations shared by the HTML and Markdown renderers (and usable by other
/// views such as a cross-municipality comparison). Texts only: nothing here reads data.
/// </summary>
internal static class ReportLabels
{
    /// <summary>Rows per category the human-readable reports show; the full list is in findings.csv.</summary>
    public const int MaxRowsPerSection = 200;

    public const string FindingsCsvName = "findings.csv";
    public const string RejectsCsvName = "rejects.csv";

    public const string Title = "標準化移行 カスタマイズ報告書";
    public const string TitleEnglish = "Standardization migration — customization report";

    public const string Introduction =
        "この報告書は、旧システムのデータを標準仕様の形式に移行する過程で見つかった「標準仕様にないもの（カスタマイズ）」の一覧です。"
        + "標準化では、カスタマイズは原則として廃止し、標準仕様に合わせます。団体として残す場合は、項目ごとに理由を文書で残す必要があります（正当化）。"
        + "他の団体にも役立つ良い運用は、標準仕様への提案（フィードバック）として示すことができます。"
        + "各項目について処理方針を決め、判断理由を記録してください。"
        + "この報告書には個人の値は含まれず、件数と標準項目名だけを記載しています。";

    public const string SilenceIsNotApproval =
        "以下は、このツールが確認していない事項です。この報告書に記載がないことは、問題がないこと（承認）を意味しません。別の方法で確認してください。";

    public const string RejectCountingNote =
        "1件の記録に複数の理由がある場合は理由ごとに数えるため、理由別件数の合計はリジェクトされた記録数より多くなることがあります。"
        + "リジェクトされた記録の内容は作業ディレクトリの rejects/ にあり（個人情報を含むため、閲覧は担当者に限ってください）、理由別件数の一覧は rejects.csv にあります。";

    public const string ReconciliationNote =
        "テーブルごとに「読み込んだ件数 ＝ 移行した件数 ＋ リジェクト ＋ 除外（条件による）」が成り立つことを確かめます。"
        + "成り立たないテーブルがある場合、記録が失われている可能性があるため、移行を承認する前に原因を確認してください。";

    /// <summary>The categories in the order every report presents them.</summary>
    public static IReadOnlyList<CategoryText> Categories { get; } =
    [
        new(FindingCategory.CustomColumn, "custom-column", "独自項目", "Custom columns",
            "旧システムにあって標準仕様にない列のうち、データが入っているものです。標準化では、こうした独自項目は原則として廃止し、"
            + "標準仕様の項目だけで業務を行います。新システムに移行されないため、業務で使っている場合は代わりの方法が必要です。"
            + "どうしても残す必要がある場合は、その理由を文書で示してください（正当化）。他の団体にも役立つ運用であれば、標準仕様への提案を検討してください。"
            + "件数は、その列に値が入っている記録の数です。"),
        new(FindingCategory.CustomCode, "custom-code", "独自コード値", "Custom code values",
            "旧システムで独自に追加されたコード値や、標準のコード表にない値です。標準のコード値に変換して移行しますが、変換の仕方によっては"
            + "区別が失われたり（複数の値の統合）、既定値に置き換えられたり、記録ごと移行されなかったり（リジェクト）します。"
            + "変換先が業務上正しいかを確認してください。独自の区分を残す場合は理由を文書で示し、広く必要な区分であれば標準仕様への提案を検討してください。"
            + "件数は、その値が現れた回数です。"),
        new(FindingCategory.UnmappedTable, "unmapped-table", "移行されない旧テーブル", "Legacy tables not migrated",
            "旧システムのファイル・テーブルのうち、どの標準テーブルにも移行されないものです。中のデータは新システムに引き継がれません。"
            + "標準化により不要になったデータなのか、別の方法で保管・移行すべきデータなのかを判断してください。"
            + "独自の業務のために残す場合は、その理由を文書で示してください。件数は旧テーブルの記録数です。"),
        new(FindingCategory.MissingItem, "missing-item", "移行元のない標準項目", "Standard items with no source",
            "標準仕様にある項目のうち、旧データに対応する列がないものです。新システムでは空の状態から始まります。"
            + "必須の項目であれば、移行前に値を用意する方法（既定値、他の項目からの導出、手入力など）を決める必要があります。"
            + "旧システムが標準と違う形でその情報を持っていた場合は、マッピングの見直しで解消できることがあります。"),
        new(FindingCategory.Gaiji, "gaiji", "外字", "User-defined characters (gaiji)",
            "旧システムで独自に作られた文字（外字）です。標準の文字に「同定」できたもの、近い文字に「縮退」したもの（字形の区別が失われます）、"
            + "まだ対応が決まっていない「未解決」のものがあります。氏名や住所の字形は住民にとって大切な情報のため、縮退と未解決は特に確認が必要です。"
            + "標準の文字で表せない字形を残す場合は、その理由を文書で示してください。件数は出現回数です。"
            + "文字が表示されない、または「□」になる場合は、IPAmj明朝など行政事務標準文字に対応したフォントで確認してください（表示はお使いの環境のフォントに依存し、データには影響しません）。"),
        new(FindingCategory.Lossy, "lossy", "情報が失われる変換", "Lossy conversions",
            "桁数を超える値の切り詰め、外字の縮退、複数のコードの統合など、移行の過程で元の情報の一部が失われる変換です。"
            + "失われる内容が業務上許容できるかを判断してください。許容できない場合は、移行前に旧データを修正するか、マッピングを見直す必要があります。"
            + "件数は、情報が失われた値の数です。"),
        new(FindingCategory.OutsideJis, "outside-jis", "JIS外の文字", "Characters outside JIS X 0208/0213",
            "JIS X 0208・JIS X 0213 にない文字です。髙（はしごだか）のように行政事務標準文字（MJ）にある文字は正しく移行されていますが、"
            + "移行先システムやフォント、他システムとの連携で扱えるかを確認してください。件数は出現回数です。"
            + "文字が表示されない場合は、IPAmj明朝など行政事務標準文字に対応したフォントで確認してください。"),
        new(FindingCategory.Declared, "declared", "申告されたカスタマイズ（データに現れない）", "Declared customizations (not visible in the data)",
            "帳票・画面・他システムとの連携など、データには現れないものの、ベンダーや移行事業者が申告したカスタマイズです。"
            + "このツールはその動作を確認していません。標準仕様の機能で代替できるかを検討し、残す場合はその理由を文書で示してください。"
            + "他の団体にも役立つものであれば、標準仕様への提案を検討してください。"),
    ];

    /// <summary>Dispositions in the order charts stack them: decided first, pending last.</summary>
    public static IReadOnlyList<Disposition> DispositionOrder { get; } =
        [Disposition.AdoptStandard, Disposition.Justified, Disposition.Feedback, Disposition.Pending];

    public static CategoryText Category(FindingCategory category) =>
        Categories.FirstOrDefault(c => c.Category == category)
        ?? new CategoryText(category, ReportBuilder.Kebab(category), ReportBuilder.Kebab(category), category.ToString(), "");

    public static string DispositionLabel(Disposition disposition) => disposition switch
    {
        Disposition.Pending => "未決定",
        Disposition.AdoptStandard => "標準に合わせる",
        Disposition.Justified => "理由を付けて残す",
        Disposition.Feedback => "標準へ提案",
        _ => ReportBuilder.Kebab(disposition),
    };

    /// <summary>
    /// How a CIO records decisions: which file to edit and which command applies it (the report
    /// said 記録してください without saying where). Both renderers print these steps as they are.
    /// </summary>
    public static IReadOnlyList<string> HowToDecide(DecisionsGuide guide)
    {
        ArgumentNullException.ThrowIfNull(guide);
        return
        [
            $"Excel で {guide.Workbook} を開き、シート「{Decisions.DecisionsWorkbook.DecisionsSheet}」の「{Decisions.DecisionsWorkbook.DispositionHeader}」列で指摘ごとに {string.Join("・", DispositionKeywords.Choices)} から選びます。",
            $"「{DispositionKeywords.Justified}」と「{DispositionKeywords.Feedback}」には「理由」列に理由（提案の内容）を書き、「担当」「日付」を記入して、同じ名前で保存します。",
            "保存したら、移行事業者が次のコマンドで報告書に反映します（findings.csv の disposition 列を編集したもの、または YAML ファイルも --decisions に指定できます）:",
        ];
    }

    public static string DispositionEnglish(Disposition disposition) => disposition switch
    {
        Disposition.Pending => "Pending",
        Disposition.AdoptStandard => "Adopt the standard",
        Disposition.Justified => "Justified deviation",
        Disposition.Feedback => "Feedback to the standard",
        _ => disposition.ToString(),
    };

    public static string StageLabel(string stage) => stage switch
    {
        "extract" => "読み込み",
        "map" => "変換",
        "load" => "投入",
        _ => stage,
    };

    /// <summary>A Japanese explanation of a reject reason code, or the code itself when it is not a known one.</summary>
    public static string RejectReason(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code switch
        {
            "date.era-out-of-range" => "元号の範囲外の日付",
            "date.invalid" => "存在しない日付",
            "date.format" => "日付の形式が不正",
            "date.era-unknown" => "不明な元号",
            "date.before-gregorian" => "グレゴリオ暦より前の日付",
            "date.unknown-not-allowed" => "不詳を持てない日付項目の不詳",
            "code.unknown" => "未定義コード",
            "code.not-in-standard-list" => "標準コード表にない値",
            "check.my-number" => "個人番号のチェックデジット誤り",
            "check.lg-code" => "地方公共団体コードのチェックデジット誤り",
            "length.exceeded" => "桁数超過",
            "length.exact" => "桁数不一致（固定長の項目）",
            "pattern.mismatch" => "標準の形式に合わない値",
            "rule.required" => "住民種別等の規則で必要な項目なし",
            "rule.forbidden" => "住民種別等の規則で持てない値",
            "encoding.invalid" => "文字コード不正",
            "csv.column-count" => "項目数不一致",
            "csv.bad-quote" => "引用符の不正",
            "csv.unclosed-quote" => "閉じていない引用符（その行のみ除外）",
            "csv.record-too-long" => "レコード長の上限超過",
            "fixed.record-length" => "レコード長の不一致",
            "fixed.split-character" => "固定長の区切りで文字が分断",
            "required.missing" => "必須項目なし",
            "gaiji.unresolved" => "未解決の外字",
            "type.integer" => "整数でない値",
            "type.flag" => "フラグとして不正な値",
            "type.decimal" => "数値でない値",
            "split.missing-part" => "分割できない値（一部が欠落）",
            "chars.digits" => "文字種違反（数字以外の文字）",
            "chars.katakana" => "文字種違反（カタカナ以外の文字）",
            "chars.ascii" => "文字種違反（半角英数字以外の文字）",
            "chars.standard" => "文字種違反（標準で使えない文字）",
            _ when code.StartsWith("chars.", StringComparison.Ordinal) => "文字種違反",
            _ when code.StartsWith("check.", StringComparison.Ordinal) => "チェックデジット誤り",
            _ => code,
        };
    }

    /// <summary>The standard table's Japanese name, or its ID when the report does not list it.</summary>
    public static string TableName(MigrationReport report, string? tableId)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (string.IsNullOrEmpty(tableId)) return "";
        return report.Tables.FirstOrDefault(t => t.Id == tableId)?.Name ?? tableId;
    }

    /// <summary>Whether the run reconciles: every source of the verdict must agree and every row's sum must hold.</summary>
    public static bool? Balanced(MigrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Reconciliation is not { } reconciliation) return null;
        return report.Summary.Balanced && reconciliation.Balanced && reconciliation.Tables.All(RowBalanced);
    }

    public static bool RowBalanced(TableBalance table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Balanced && table.Read == table.Loaded + table.Rejected + table.Filtered;
    }

    /// <summary>Findings per disposition, counted from the findings themselves so the page agrees with its sections.</summary>
    public static int Count(MigrationReport report, Disposition disposition)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Findings.Count(f => f.Disposition == disposition);
    }

    public static int Count(MigrationReport report, FindingCategory category)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Findings.Count(f => f.Category == category);
    }

    /// <summary>Thousands separators, culture-independent: 1,234,567.</summary>
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Count column text: categories that do not count occurrences show a dash instead of 0.</summary>
    public static string CountText(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Count == 0 && finding.Category is FindingCategory.Declared or FindingCategory.MissingItem ? "—" : N(finding.Count);
    }

    /// <summary>The item column: the standard item's Japanese name, else its ID (gaiji findings list the item IDs they occur in).</summary>
    public static string ItemText(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.ItemName ?? finding.Item ?? "";
    }

    /// <summary>Findings of a category in report order (the order of findings.csv).</summary>
    public static IReadOnlyList<Finding> Of(MigrationReport report, FindingCategory category)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Findings.Where(f => f.Category == category).ToList();
    }

    /// <summary>
    /// The fixed category order, followed by any category the report holds that <see cref="Categories"/>
    /// does not know yet (a newer model), so no finding is ever left out of a rendering.
    /// </summary>
    internal static IEnumerable<FindingCategory> AllCategoriesInOrder(MigrationReport report) =>
        Categories.Select(c => c.Category)
            .Concat(report.Findings.Select(f => f.Category).Where(c => Categories.All(k => k.Category != c)).Distinct().Order());
}
