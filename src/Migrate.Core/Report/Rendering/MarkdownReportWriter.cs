using System.Globalization;
using System.Text;
using static Migrate.Core.Report.Rendering.ReportLabels;

namespace Migrate.Core.Report.Rendering;

/// <summary>
/// report.md: the same content as report.html in GitHub-flavoured Markdown, for review threads
/// (summary, one table per category capped at <see cref="ReportLabels.MaxRowsPerSection"/> rows, rejects,
/// reconciliation, what was not checked). Data strings are escaped so they cannot break a table or
/// inject markup; output is deterministic with '\n' line ends.
/// </summary>
internal static class MarkdownReportWriter
{
    public static string Render(MigrationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder(32 * 1024);
        var s = report.Summary;

        Line(md, "# " + Title);
        Line(md);
        Line(md, "- ベンダー (vendor): " + E(report.Vendor));
        if (!string.IsNullOrEmpty(report.Municipality)) Line(md, "- 団体 (municipality): " + E(report.Municipality));
        Line(md, "- 標準仕様 (standard): " + E(report.StandardName) + "（版 " + E(report.StandardVersion) + "） " + Code(report.StandardId));
        Line(md, "- 実行ID (run id): " + Code(report.RunId));
        Line(md, "- ツール版 (tool version): migrate " + E(report.ToolVersion));
        Line(md, "- マッピング (mapping SHA-256): " + Code(report.MappingSha256));
        Line(md);
        Line(md, E(Introduction));
        Line(md);

        Line(md, "## 要約 (summary)");
        Line(md);
        Line(md, Balanced(report) switch
        {
            true => "**✔ 件数の突合: 一致** (reconciliation OK) — すべてのテーブルで 読み込み ＝ 移行 ＋ リジェクト ＋ 除外 が成り立っています。",
            false => "> **✘ 件数の突合: 不一致 (NOT balanced)** — " + E(string.Join("、", report.Reconciliation!.Tables.Where(t => !RowBalanced(t)).Select(t => TableName(report, t.TableId))))
                + " で読み込んだ件数と合計が一致しません。記録が失われている可能性があります。移行を承認する前に原因を確認してください。",
            null => "**件数の突合: 未実施** (not reconciled) — 投入（load）が完了していないため、件数の突合は行われていません。",
        });
        Line(md);
        var pending = ReportLabels.Count(report, Disposition.Pending);
        Line(md, "| 区分 | 件数 |");
        Line(md, "| --- | ---: |");
        Line(md, "| カスタマイズ (customizations) | " + N(report.Findings.Count) + " |");
        foreach (var disposition in new[] { Disposition.Justified, Disposition.Pending, Disposition.Feedback, Disposition.AdoptStandard })
            Line(md, "| " + DispositionLabel(disposition) + " (" + DispositionEnglish(disposition) + ") | " + N(ReportLabels.Count(report, disposition)) + " |");
        Line(md, "| 読み込み (rows read) | " + N(s.RowsRead) + " |");
        Line(md, "| 移行 (loaded) | " + N(s.RowsLoaded) + " |");
        Line(md, "| リジェクト (rejected) | " + N(s.RowsRejected) + " |");
        Line(md, "| 除外 (filtered) | " + N(s.RowsFiltered) + " |");
        Line(md, "| 外字 同定 (gaiji identified) | " + N(s.GaijiResolved) + " |");
        Line(md, "| 外字 縮退 (gaiji reduced) | " + N(s.GaijiReduced) + " |");
        Line(md, "| 外字 未解決 (gaiji unresolved) | " + N(s.GaijiUnresolved) + " |");
        Line(md);
        if (pending > 0)
        {
            Line(md, "**" + N(pending) + " 件の処理方針が未決定です。** 移行を承認する前に、すべての項目について処理方針を決めてください。");
            Line(md);
        }
        if (report.HowToDecide is { } guide && report.Findings.Count > 0)
        {
            Line(md, "### 処理方針の記録方法 (how to record decisions)");
            Line(md);
            var step = 0;
            foreach (var text in HowToDecide(guide)) Line(md, N(++step) + ". " + E(text));
            Line(md);
            Line(md, "```");
            Line(md, guide.Command);
            Line(md, "```");
            Line(md);
        }

        Line(md, "| 種類 (category) | 件数 | " + string.Join(" | ", DispositionOrder.Select(DispositionLabel)) + " |");
        Line(md, "| --- | ---: |" + string.Concat(DispositionOrder.Select(_ => " ---: |")));
        foreach (var category in AllCategoriesInOrder(report))
        {
            var findings = Of(report, category);
            Line(md, "| " + E(Category(category).Label) + " | " + N(findings.Count) + " | "
                + string.Join(" | ", DispositionOrder.Select(d => N(findings.Count(f => f.Disposition == d)))) + " |");
        }
        Line(md);

        var attention = AttentionList.For(report);
        if (attention.Count > 0)
        {
            Line(md, "## まず確認すること (needs attention first)");
            Line(md);
            Line(md, "| 種類 | 内容 | 件数 |");
            Line(md, "| --- | --- | ---: |");
            foreach (var item in attention) Line(md, "| " + E(item.Kind) + " | " + E(item.Text) + " | " + N(item.Count) + " |");
            Line(md);
        }

        var number = 0;
        foreach (var category in AllCategoriesInOrder(report))
            CategorySection(md, report, Category(category), ++number);

        if (report.StaleDecisions.Count > 0)
        {
            Line(md, "## 対応する指摘がなくなった判断 (stale decisions)");
            Line(md);
            Line(md, "| ID | 処理方針 | 判断者 | 判断日 |");
            Line(md, "| --- | --- | --- | --- |");
            foreach (var stale in report.StaleDecisions)
                Line(md, "| " + Code(stale.FindingId) + " | " + DispositionLabel(stale.Disposition) + " | " + E(stale.DecidedBy ?? "") + " | " + E(stale.DecidedOn ?? "") + " |");
            Line(md);
        }

        Rejects(md, report);
        Reconciliation(md, report);
        Protection(md, report);

        Line(md, "## 確認していないこと (what was NOT checked)");
        Line(md);
        Line(md, "**" + E(SilenceIsNotApproval) + "** (Silence is not approval.)");
        Line(md);
        foreach (var item in report.NotChecked)
            Line(md, "- " + E(item));
        if (report.NotChecked.Count > 0) Line(md);
        Line(md, "---");
        Line(md);
        Line(md, "migrate " + E(report.ToolVersion) + " ／ 報告書形式 " + report.SchemaVersion.ToString(CultureInfo.InvariantCulture)
            + "。件数と標準項目名だけを記載し、個人の値を含みません。すべての項目は " + FindingsCsvName + " と report.json にあります。");
        return md.ToString();
    }

    private static void CategorySection(StringBuilder md, MigrationReport report, CategoryText text, int number)
    {
        var findings = Of(report, text.Category);
        Line(md, "## " + number.ToString(CultureInfo.InvariantCulture) + ". " + E(text.Label) + " (" + text.Key + ") — " + N(findings.Count) + "件");
        Line(md);
        if (text.Explanation.Length > 0)
        {
            Line(md, E(text.Explanation));
            Line(md);
        }
        if (findings.Count == 0)
        {
            Line(md, "該当はありません。");
            Line(md);
            return;
        }
        Line(md, "| ID | 内容 | 件数 | 標準項目 | 処理方針 | 判断理由 |");
        Line(md, "| --- | --- | ---: | --- | --- | --- |");
        foreach (var f in findings.Take(MaxRowsPerSection))
        {
            var reason = f.DecisionReason ?? (f.Disposition == Disposition.Justified ? "（理由が記録されていません）" : "");
            var decided = string.Join(" ", new[] { f.DecidedBy, f.DecidedOn }.Where(v => !string.IsNullOrEmpty(v)));
            Line(md, "| " + Code(f.Id) + " | " + E(f.Title) + " | " + CountText(f) + " | " + E(ItemText(f)) + " | " + DispositionLabel(f.Disposition) + " | "
                + E(reason) + (decided.Length > 0 ? (reason.Length > 0 ? "（" : "(") + E(decided) + (reason.Length > 0 ? "）" : ")") : "") + " |");
        }
        Line(md);
        if (findings.Count > MaxRowsPerSection)
        {
            Line(md, "> ほか **" + N(findings.Count - MaxRowsPerSection) + " 件**（全 " + N(findings.Count) + " 件）は省略しました。すべての項目は " + FindingsCsvName
                + " にあります (" + N(findings.Count - MaxRowsPerSection) + " more in " + FindingsCsvName + ").");
            Line(md);
        }
    }

    private static void Rejects(StringBuilder md, MigrationReport report)
    {
        Line(md, "## 却下（リジェクト） (rejected records) — " + N(report.Summary.RowsRejected) + "件");
        Line(md);
        if (report.Rejects.Count == 0)
        {
            Line(md, "リジェクトされた記録はありません。");
            Line(md);
            return;
        }
        Line(md, E(RejectCountingNote));
        Line(md);
        Line(md, "| テーブル | 段階 | 理由 | コード | 標準項目 | 件数 |");
        Line(md, "| --- | --- | --- | --- | --- | ---: |");
        foreach (var r in report.Rejects.Take(MaxRowsPerSection))
            Line(md, "| " + E(TableName(report, r.Table)) + " | " + E(StageLabel(r.Stage)) + " | " + E(RejectReason(r.Code)) + " | " + Code(r.Code) + " | "
                + E(r.ItemName ?? r.Item ?? "—") + " | " + N(r.Count) + " |");
        Line(md);
        if (report.Rejects.Count > MaxRowsPerSection)
        {
            Line(md, "> ほか " + N(report.Rejects.Count - MaxRowsPerSection) + " 行は " + RejectsCsvName + " にあります。");
            Line(md);
        }
    }

    private static void Reconciliation(StringBuilder md, MigrationReport report)
    {
        Line(md, "## 件数の突合 (reconciliation)");
        Line(md);
        Line(md, E(ReconciliationNote));
        Line(md);
        if (report.Reconciliation is not { } reconciliation)
        {
            Line(md, "件数の突合は行われていません（投入 load が完了していません）。");
            Line(md);
            return;
        }
        Line(md, "| テーブル | 読み込み | 移行 | リジェクト | 除外 | 判定 |");
        Line(md, "| --- | ---: | ---: | ---: | ---: | :---: |");
        foreach (var t in reconciliation.Tables)
            Line(md, "| " + E(TableName(report, t.TableId)) + " " + Code(t.TableId) + " | " + N(t.Read) + " | " + N(t.Loaded) + " | " + N(t.Rejected) + " | " + N(t.Filtered) + " | "
                + (RowBalanced(t) ? "✔" : "✘ **不一致**") + " |");
        Line(md, "| **合計** | " + N(reconciliation.Tables.Sum(t => t.Read)) + " | " + N(reconciliation.Tables.Sum(t => t.Loaded)) + " | "
            + N(reconciliation.Tables.Sum(t => t.Rejected)) + " | " + N(reconciliation.Tables.Sum(t => t.Filtered)) + " | " + (Balanced(report) == true ? "✔" : "✘") + " |");
        Line(md);
    }

    private static void Protection(StringBuilder md, MigrationReport report)
    {
        if (report.EmptySources.Count > 0)
        {
            Line(md, "空のソース (empty sources): " + string.Join("、", report.EmptySources.Select(Code)) + " — レコードが1件もありません。");
            Line(md);
        }
        if (report.Protection is not { } protection) return;
        Line(md, "## 支援措置の保護 (protected persons)");
        Line(md);
        Line(md, $"支援措置の対象者 {N(protection.ProtectedPersons)} 人。移行で失われる記録があれば投入は行われません。"
            + $"検出された問題 {N(protection.Violations)} 件、うち確認のうえ受け入れたもの {N(protection.Accepted.Count)} 件。");
        Line(md);
        foreach (var accepted in protection.Accepted)
            Line(md, "- 受け入れ (accepted) " + Code(accepted.Location) + ": " + E(accepted.Reason));
        if (protection.Accepted.Count > 0) Line(md);
    }

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');

    /// <summary>
    /// Escapes text for a Markdown paragraph or table cell: backslash before the punctuation that could start
    /// markup (emphasis, links, HTML, code, tables), line breaks flattened to spaces.
    /// </summary>
    internal static string E(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '&' or '#' or '!':
                    result.Append('\\').Append(c);
                    break;
                case '\r' or '\n' or '\t':
                    result.Append(' ');
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }
        return result.ToString();
    }

    /// <summary>An inline code span (IDs, codes); in a table the pipe must still be escaped. Falls back to escaped text if it holds a backtick.</summary>
    internal static string Code(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.Contains('`', StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)) return E(text);
        return "`" + text.Replace("|", "\\|", StringComparison.Ordinal) + "`";
    }
}
