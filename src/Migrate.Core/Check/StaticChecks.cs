using Migrate.Core.Authoring;
using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Standard;

namespace Migrate.Core.Check;

/// <summary>Checks of a loaded mapping against its standard as a whole, without data.</summary>
internal static class StaticChecks
{
    private static readonly string[] DateTransforms = ["wareki", "date", "constant", "default"];

    /// <param name="unresolved">Paths of entries marked <c>todo:</c> (tables.T, tables.T.items.I): already reported, not reported again as missing.</param>
    public static IEnumerable<Diagnostic> Run(MappingDefinition mapping, StandardDefinition standard, IReadOnlySet<string>? unresolved = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(standard);
        unresolved ??= new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in CriticalChecks(mapping, standard, unresolved)) yield return diagnostic;
        foreach (var tableMapping in mapping.Tables)
        {
            var table = standard.FindTable(tableMapping.TableId);
            if (table is null) continue;
            var columns = mapping.Sources.TryGetValue(tableMapping.From, out var source) ? source.Columns : [];
            var derived = tableMapping.Items.Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal);
            var companions = table.Items.Where(i => i.Unknown is not null).SelectMany(i => new[] { i.Unknown!.FlagItem, i.Unknown.TextItem }).ToHashSet(StringComparer.Ordinal);

            foreach (var item in table.Items.Where(i => i.Required && !derived.Contains(i.Id) && !companions.Contains(i.Id) && !unresolved.Contains($"tables.{table.Id}.items.{i.Id}")))
            {
                var candidate = ColumnMatcher.BestByName(item, columns);
                var hint = candidate is null
                    ? $"add '{item.Id}: COLUMN' (or a constant/default) under tables.{table.Id}.items"
                    : $"add '{item.Id}: {candidate}' under tables.{table.Id}.items (column '{candidate}' looks like {item.Name})";
                yield return new Diagnostic(DiagnosticSeverity.Error, "item.required-not-derived", tableMapping.Position,
                    $"table '{table.Id}': required item '{item.Id}' ({item.Name}) has no derivation, so every row would be rejected; {hint}");
            }

            foreach (var derivation in tableMapping.Items)
            {
                var item = table.Find(derivation.ItemId);
                if (item is null) continue;
                if (item.Type == ItemType.Date && derivation.From is not null && !derivation.Transforms.Any(t => DateTransforms.Contains(t.Name, StringComparer.Ordinal)))
                    yield return new Diagnostic(DiagnosticSeverity.Warning, "item.date-without-transform", derivation.Position,
                        $"item '{item.Id}' ({item.Name}) is a date but column '{derivation.From}' is copied as it is; unless it already holds YYYY-MM-DD, add {{ wareki: FORMAT }} or {{ date: yyyyMMdd }} to 'do'");
                if (item.CodeListId is not null && derivation.From is not null && !derivation.Transforms.Any(t => t.Name is "code" or "constant" or "default"))
                    yield return new Diagnostic(DiagnosticSeverity.Warning, "item.code-without-table", derivation.Position,
                        $"item '{item.Id}' ({item.Name}) takes codes of the standard list '{item.CodeListId}' but column '{derivation.From}' is copied as it is; add {{ code: TABLE }} unless the legacy codes already are the standard's");
            }
        }
    }

    /// <summary>
    /// What the standard marks critical (支援措置: the support table, the person's flag) must be mapped:
    /// a critical table with no mapping, or a critical item of a mapped table with no derivation, would
    /// lose protected persons' data without a single reject to show for it.
    /// </summary>
    private static IEnumerable<Diagnostic> CriticalChecks(MappingDefinition mapping, StandardDefinition standard, IReadOnlySet<string> unresolved)
    {
        var tablesPosition = MappingPositions.Of(mapping, "tables");
        foreach (var table in standard.Tables.Where(t => t.Critical))
        {
            if (mapping.Tables.Any(t => t.TableId == table.Id) || unresolved.Contains($"tables.{table.Id}")) continue;
            yield return new Diagnostic(DiagnosticSeverity.Error, "item.critical-unmapped", tablesPosition,
                $"critical table '{table.Id}' ({table.Name}) is not mapped: the standard marks it critical, and a migration without it loses every protected person's record; add '{table.Id}:' under tables with its source file");
        }
        foreach (var tableMapping in mapping.Tables)
        {
            if (standard.FindTable(tableMapping.TableId) is not { } table) continue;
            foreach (var item in table.Items.Where(i => i.Critical && tableMapping.Items.All(d => d.ItemId != i.Id) && !unresolved.Contains($"tables.{table.Id}.items.{i.Id}")))
            {
                var columns = mapping.Sources.TryGetValue(tableMapping.From, out var source) ? source.Columns : [];
                var candidate = ColumnMatcher.BestByName(item, columns);
                yield return new Diagnostic(DiagnosticSeverity.Error, "item.critical-unmapped", tableMapping.Position,
                    $"table '{table.Id}': critical item '{item.Id}' ({item.Name}) has no derivation, so every protected person would load unprotected; "
                    + (candidate is null ? $"add '{item.Id}: COLUMN' under tables.{table.Id}.items" : $"add '{item.Id}: {candidate}' under tables.{table.Id}.items (column '{candidate}' looks like {item.Name})"));
            }
        }
    }
}
