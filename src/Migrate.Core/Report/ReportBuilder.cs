using System.Globalization;
using Migrate.Core.Manifests;
using Migrate.Core.Map;
using Migrate.Core.Mapping;
using Migrate.Core.Standard;
using Migrate.Core.Transforms;
using Migrate.Core.Work;

namespace Migrate.Core.Report;

/// <summary>Turns a run's manifest into the customization report. Reads counts only: no personal value can reach it.</summary>
internal static class ReportBuilder
{
    public static IReadOnlyList<string> NotChecked { get; } =
    [
        "住所がアドレス・ベース・レジストリ（町字ID）に実在するか（Address existence against the Address Base Registry）",
        "外字の字形が同定先の文字と一致するか（glyph shapes of 外字 against their identified characters）",
        "個人番号・住民票コードが実在する番号か（check digits only, not existence）",
        "帳票・画面・他システム連携の動作（forms, screens and interfaces; only declared, not tested）",
        "旧システムで削除済みとされた記録の妥当性（whether records the legacy system marked deleted should be migrated）",
    ];

    public static MigrationReport Build(Manifest manifest, StandardDefinition standard, MappingDefinition mapping)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(mapping);
        var map = manifest.Map ?? throw Diagnostics.MigrateException.Usage($"{manifest.Mapping.Path}: the work directory has no map results; run 'migrate map' first");
        var findings = new List<Finding>();
        findings.AddRange(CustomColumns(map));
        findings.AddRange(UnmappedSources(manifest, mapping));
        findings.AddRange(MissingItems(standard, mapping));
        findings.AddRange(CustomCodes(map, standard, mapping));
        findings.AddRange(Gaiji(map, standard, mapping));
        findings.AddRange(Lossy(map, standard, mapping));
        findings.AddRange(OutsideJis(map, standard, mapping));
        findings.AddRange(mapping.DeclaredCustomizations.Select(d => new Finding(
            $"declared/{d.Id}", FindingCategory.Declared, d.Title,
            string.IsNullOrEmpty(d.Description) ? "マッピングで申告されたカスタマイズ（データには現れない）。" : d.Description, 0)));
        findings.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));

        var rejects = RejectSummaries(manifest, standard);
        var reconciliation = manifest.Reconciliation;
        var summary = new ReportSummary(
            findings.Count,
            findings.GroupBy(f => Kebab(f.Category)).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            findings.GroupBy(f => Kebab(f.Disposition)).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            reconciliation?.Tables.Sum(t => t.Read) ?? map.Tables.Sum(t => t.Read),
            reconciliation?.Tables.Sum(t => t.Loaded) ?? 0,
            reconciliation?.Tables.Sum(t => t.Rejected) ?? map.Tables.Sum(t => t.Rejected),
            reconciliation?.Tables.Sum(t => t.Filtered) ?? map.Tables.Sum(t => t.Filtered.Values.Sum()),
            map.Gaiji.Where(g => g.Resolution == GaijiResolution.Identified).Sum(g => g.Count),
            map.Gaiji.Where(g => g.Resolution == GaijiResolution.Reduced).Sum(g => g.Count),
            map.Gaiji.Where(g => g.Resolution == GaijiResolution.Unresolved).Sum(g => g.Count),
            reconciliation?.Balanced ?? false);

        return new MigrationReport
        {
            RunId = manifest.RunId,
            ToolVersion = manifest.ToolVersion,
            Vendor = mapping.Vendor,
            Municipality = mapping.Municipality,
            MunicipalityName = mapping.MunicipalityName,
            StandardId = standard.Id,
            StandardName = standard.Name,
            StandardVersion = standard.Version,
            MappingSha256 = mapping.Sha256,
            Summary = summary,
            Findings = findings,
            Rejects = rejects,
            Reconciliation = reconciliation,
            EmptySources = [.. manifest.Extract?.Sources.Where(x => x.Records == 0).Select(x => x.File) ?? []],
            Protection = map.Integrity is { } integrity ? new ProtectionSummary(integrity.ProtectedPersons, integrity.ViolationCount, manifest.AcceptedCriticalRejects) : null,
            Tables = standard.Tables.Select(t => new TableInfo(t.Id, t.Name, t.English, t.Critical)).ToList(),
            NotChecked = NotChecked,
        };
    }

    public static string Kebab<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static IEnumerable<Finding> CustomColumns(MapStage map)
    {
        foreach (var source in map.Sources)
            foreach (var column in source.Columns.Where(c => !c.Used))
            {
                var share = source.Records == 0 ? 0 : (double)column.NonEmpty / source.Records;
                yield return new Finding($"custom-column/{source.SourceId}/{column.Column}", FindingCategory.CustomColumn,
                    $"独自項目 {column.Column}（{source.File}）",
                    column.NonEmpty == 0
                        ? "標準にない列ですが、データは入っていません。移行しなくても失われるものはありません。"
                        : $"標準にない列で、{column.NonEmpty.ToString("N0", CultureInfo.InvariantCulture)} 件（{share.ToString("P1", CultureInfo.InvariantCulture)}）にデータがあります。標準に合わせて廃止するか、理由を付けて残すか決めてください。",
                    column.NonEmpty, Source: source.SourceId, Column: column.Column);
            }
    }

    private static IEnumerable<Finding> UnmappedSources(Manifest manifest, MappingDefinition mapping)
    {
        // A source read only through a join (households, code tables) is mapped too.
        var mappedSources = mapping.Tables.SelectMany(t => t.Joins.Select(j => j.Source).Prepend(t.From)).ToHashSet(StringComparer.Ordinal);
        foreach (var source in mapping.Sources.Values.Where(s => !mappedSources.Contains(s.Id)))
        {
            var records = manifest.Extract?.Sources.FirstOrDefault(s => s.SourceId == source.Id)?.Records ?? 0;
            yield return new Finding($"unmapped-table/{source.Id}", FindingCategory.UnmappedTable, $"移行先のない旧テーブル {source.File}",
                "マッピングに宣言されていますが、どの標準テーブルにも移行されません。", records, Source: source.Id);
        }
        foreach (var file in manifest.Extract?.UnlistedFiles ?? [])
            yield return new Finding($"unmapped-table/file:{file}", FindingCategory.UnmappedTable, $"マッピングにないファイル {file}",
                "旧システムの出力にありますが、マッピングに宣言されていないため読み込んでいません。", 0, Source: file);
        foreach (var table in manifest.Extract?.UnlistedTables ?? [])
            yield return new Finding($"unmapped-table/table:{table}", FindingCategory.UnmappedTable, $"マッピングにない旧テーブル {table}",
                "旧システムのデータベースにありますが、マッピングに宣言されていないため読み込んでいません。", 0, Source: table);
    }

    private static IEnumerable<Finding> MissingItems(StandardDefinition standard, MappingDefinition mapping)
    {
        foreach (var tableMapping in mapping.Tables)
        {
            var table = standard.FindTable(tableMapping.TableId)!;
            var derived = tableMapping.Items.Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
            // 不詳 flag and notation items are filled from their date.
            foreach (var item in table.Items.Where(i => i.Unknown is not null && derived.Contains(i.Id)))
            {
                derived.Add(item.Unknown!.FlagItem);
                derived.Add(item.Unknown.TextItem);
            }
            // The era and year as written come with a date read by a wareki transform.
            foreach (var derivation in tableMapping.Items)
                if (table.Find(derivation.ItemId)?.EraYearItem is { } eraYear && derivation.Transforms.Any(t => t.Name == "wareki"))
                    derived.Add(eraYear);
            // A date's companions are listed with their date, not on their own.
            var companions = table.Items.SelectMany(i => new[] { i.Unknown?.FlagItem, i.Unknown?.TextItem, i.EraYearItem }).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var item in table.Items.Where(i => !derived.Contains(i.Id) && !companions.Contains(i.Id)))
                yield return new Finding($"missing-item/{table.Id}/{item.Id}", FindingCategory.MissingItem, $"移行元のない標準項目 {item.Name}",
                    item.Required ? "必須の標準項目ですが、旧データに対応する列がありません。" : "旧データに対応する列がないため、空のまま移行されます。",
                    0, Table: table.Id, Item: item.Id, ItemName: item.Name);
        }
        foreach (var table in standard.Tables.Where(t => mapping.Tables.All(m => m.TableId != t.Id)))
            yield return new Finding($"missing-item/{table.Id}", FindingCategory.MissingItem, $"移行元のない標準テーブル {table.Name}",
                "この標準テーブルに移行する旧データがマッピングにありません。", 0, Table: table.Id);
    }

    private static IEnumerable<Finding> CustomCodes(MapStage map, StandardDefinition standard, MappingDefinition mapping)
    {
        foreach (var group in map.Codes.Where(c => c.Conversion != CodeConversion.Standard).GroupBy(c => (c.Item, c.Legacy)))
        {
            var first = group.First();
            var item = FindItem(standard, mapping, first.Item);
            var codeList = standard.FindCodeList(item?.CodeListId);
            var standardName = first.Standard is null ? null : codeList?.Describe(first.Standard);
            var to = first.Standard is null ? "" : $"標準値 {first.Standard}{(standardName is null ? "" : "（" + standardName + "）")}";
            var (title, explanation) = first.Conversion switch
            {
                CodeConversion.Custom => ($"独自コード値 {first.Legacy}（{item?.Name ?? first.Item}）", $"旧システム独自の値です。{to} に変換しました。"),
                CodeConversion.Lossy => ($"区別が失われるコード値 {first.Legacy}（{item?.Name ?? first.Item}）", $"標準に同じ区別がないため {to} にまとめました（情報の一部が失われます）。"),
                CodeConversion.DefaultedUnknown => ($"未定義コード値 {first.Legacy}（{item?.Name ?? first.Item}）", $"コード表にない値のため既定値 {to} にしました。"),
                _ => ($"未定義コード値 {first.Legacy}（{item?.Name ?? first.Item}）", "コード表にない値です。該当する記録は移行されていません（リジェクト）。コード表に追加してください。"),
            };
            yield return new Finding($"custom-code/{first.Item}/{first.Legacy}", FindingCategory.CustomCode, title, explanation, group.Sum(c => c.Count),
                Table: TableOf(mapping, first.Item), Item: first.Item, ItemName: item?.Name, LegacyValue: first.Legacy, StandardValue: first.Standard,
                Resolution: Kebab(first.Conversion));
        }
    }

    private static IEnumerable<Finding> Gaiji(MapStage map, StandardDefinition standard, MappingDefinition mapping)
    {
        foreach (var group in map.Gaiji.GroupBy(g => g.CodePoint))
        {
            var first = group.First();
            var entry = mapping.Gaiji.Entries.GetValueOrDefault(first.CodePoint);
            var items = ItemNames(standard, mapping, group.Select(g => g.Item));
            var replacement = entry?.Replacement;
            // The character beside its code point: the code point alone (U+20BB7) tells a reader nothing.
            var shown = replacement is null ? null : $"「{replacement}」（{CodePoints(replacement)}）";
            var explanation = first.Resolution switch
            {
                GaijiResolution.Identified => $"外字表で標準の文字{shown}に同定しました。出現項目: {items}",
                GaijiResolution.Reduced => $"外字表で近い文字{shown}に縮退しました（字形の区別が失われます）。出現項目: {items}",
                _ => $"外字表に同定先がありません。{(mapping.Gaiji.Unresolved == UnresolvedGaijiRule.Reject ? "該当する記録は移行されていません。" : "私用領域の文字のまま移行しています。")}出現項目: {items}",
            };
            var title = replacement is null
                ? $"外字 {first.Code}（U+{first.CodePoint:X4}）"
                : $"外字 {first.Code}（U+{first.CodePoint:X4}） → 「{replacement}」 {CodePoints(replacement)}";
            yield return new Finding($"gaiji/{first.Code}", FindingCategory.Gaiji, title, explanation,
                group.Sum(g => g.Count), Item: items, Resolution: Kebab(first.Resolution), LegacyValue: first.Code, StandardValue: replacement);
        }
    }

    /// <summary>
    /// One finding per code point outside JIS X 0208/0213, with the character beside it and the items it
    /// appeared in. The character alone (no value around it) names nobody; the count is of occurrences.
    /// </summary>
    private static IEnumerable<Finding> OutsideJis(MapStage map, StandardDefinition standard, MappingDefinition mapping)
    {
        foreach (var group in map.OutsideJis.GroupBy(c => c.CodePoint))
        {
            var codePoint = group.Key;
            var items = ItemNames(standard, mapping, group.Select(g => g.Item));
            var character = System.Text.Rune.IsValid(codePoint) ? char.ConvertFromUtf32(codePoint) : "\uFFFD";
            yield return new Finding($"outside-jis/U+{codePoint:X4}", FindingCategory.OutsideJis,
                $"JIS外の文字「{character}」（U+{codePoint:X4}）",
                $"JIS X 0208・JIS X 0213 にない文字をそのまま移行しました。行政事務標準文字（MJ）にあるか、移行先システムで扱えるかを確認してください。出現項目: {items}",
                group.Sum(g => g.Count), Item: items, StandardValue: character);
        }
    }

    /// <summary>Items by their Japanese name, the id after it (a CIO reads 氏名, not shimei): "氏名（shimei）、筆頭者（hittosha）".</summary>
    private static string ItemNames(StandardDefinition standard, MappingDefinition mapping, IEnumerable<string> ids) =>
        string.Join("、", ids.Distinct().Order(StringComparer.Ordinal).Select(id => FindItem(standard, mapping, id) is { } item ? $"{item.Name}（{id}）" : id));

    /// <summary>"U+20BB7", or "U+8FBB U+E0100" for a character with its variation selector.</summary>
    private static string CodePoints(string text)
    {
        var points = new List<string>();
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
            points.Add($"U+{char.ConvertToUtf32(text, i):X4}");
        return string.Join(" ", points);
    }

    private static IEnumerable<Finding> Lossy(MapStage map, StandardDefinition standard, MappingDefinition mapping)
    {
        foreach (var lossy in map.Lossy)
        {
            var item = FindItem(standard, mapping, lossy.Item);
            var what = lossy.Kind switch
            {
                "truncate" => "桁数を超える値を切り詰めました。",
                "gaiji-reduced" => "外字を縮退しました。",
                "code-merge" => "複数の旧コードを一つの標準コードにまとめました。",
                "code-default" => "未定義のコード値を既定値に置き換えました。",
                "chain-depth" => "標準が認める世代数を超えて「の」でつながる続柄を、標準の定めにより縁故者としました（1.1.11）。",
                _ => "変換で情報の一部が失われました。",
            };
            yield return new Finding($"lossy/{lossy.Item}/{lossy.Kind}", FindingCategory.Lossy, $"情報が失われる変換（{item?.Name ?? lossy.Item}）", what,
                lossy.Count, Table: TableOf(mapping, lossy.Item), Item: lossy.Item, ItemName: item?.Name, Resolution: lossy.Kind);
        }
    }

    private static List<RejectSummary> RejectSummaries(Manifest manifest, StandardDefinition standard)
    {
        var result = new List<RejectSummary>();
        foreach (var table in manifest.Map!.Tables)
        {
            var standardTable = standard.FindTable(table.TableId);
            var extract = manifest.Extract?.Sources.FirstOrDefault(s => s.SourceId == table.SourceId);
            if (extract is not null)
                result.AddRange(extract.RejectsByReason.Select(kv => new RejectSummary(table.TableId, "extract", kv.Key, null, null, kv.Value)));
            foreach (var (key, count) in table.RejectsByReasonAndItem)
            {
                var bar = key.IndexOf('|', StringComparison.Ordinal);
                var item = key[(bar + 1)..];
                result.Add(new RejectSummary(table.TableId, "map", key[..bar], item.Length == 0 ? null : item,
                    standardTable?.Find(item)?.Name, count));
            }
        }
        return result;
    }

    private static StandardItem? FindItem(StandardDefinition standard, MappingDefinition mapping, string itemId) =>
        mapping.Tables.Select(t => standard.FindTable(t.TableId)?.Find(itemId)).FirstOrDefault(i => i is not null);

    private static string? TableOf(MappingDefinition mapping, string itemId) =>
        mapping.Tables.FirstOrDefault(t => t.Items.Any(i => i.ItemId == itemId))?.TableId;
}
