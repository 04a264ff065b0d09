using Migrate.Core.Diagnostics;
using Migrate.Core.Standard;

namespace Migrate.Core.Map;

/// <summary>
/// A table's <see cref="RowRule"/>s resolved to output positions once, checked per mapped row
/// without allocating unless a rule is broken.
/// </summary>
internal sealed class CompiledRowRules
{
    private readonly Rule[] _rules;

    private sealed record Rule(RowRule Source, int When, (int Index, StandardItem Item)[] Required, (int Index, StandardItem Item)[] Empty,
        (int Index, StandardItem Item, IReadOnlySet<string> Values)[] NotIn, (int Index, StandardItem Item, IReadOnlySet<string> Values)[] OnlyIn);

    public CompiledRowRules(StandardTable table, IReadOnlyList<ItemPipeline> items)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(items);
        _rules = [.. table.Rules.Select(r => new Rule(r, table.IndexOf(r.WhenItem),
            // An item the mapping gives no source is a gap the report lists once, not a reason per row.
            [.. r.Required.Select(table.IndexOf).Where(i => items[i].HasDerivation).Select(i => (i, table.Items[i]))],
            [.. r.Empty.Select(table.IndexOf).Select(i => (i, table.Items[i]))],
            [.. r.NotIn.Select(kv => (table.IndexOf(kv.Key), table.Find(kv.Key)!, kv.Value))],
            [.. r.OnlyIn.Select(kv => (table.IndexOf(kv.Key), table.Find(kv.Key)!, kv.Value))]))];
    }

    public bool IsEmpty => _rules.Length == 0;

    /// <summary>Adds a problem per broken rule; <paramref name="output"/> holds the row's mapped values by item position.</summary>
    public void Check(string?[] output, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var rule in _rules)
        {
            if (output[rule.When] is not { } when || !rule.Source.WhenValues.Contains(when)) continue;
            foreach (var (index, item) in rule.Required)
                if (output[index] is null)
                    problems.Add(new Problem(ErrorCodes.RuleRequired, $"{item.Name} is required by rule '{rule.Source.Id}' ({rule.Source.Description})", item.Id));
            foreach (var (index, item) in rule.Empty)
                if (output[index] is not null)
                    problems.Add(new Problem(ErrorCodes.RuleForbidden, $"{item.Name} must be empty by rule '{rule.Source.Id}' ({rule.Source.Description})", item.Id));
            foreach (var (index, item, values) in rule.NotIn)
                if (output[index] is { } value && values.Contains(value))
                    problems.Add(new Problem(ErrorCodes.RuleForbidden, $"{item.Name} '{value}' is not allowed by rule '{rule.Source.Id}' ({rule.Source.Description})", item.Id));
            foreach (var (index, item, values) in rule.OnlyIn)
                if (output[index] is not { } value || !values.Contains(value))
                    problems.Add(new Problem(ErrorCodes.RuleForbidden, $"{item.Name} '{output[index]}' is not one of {string.Join(", ", values.Order(StringComparer.Ordinal))} required by rule '{rule.Source.Id}' ({rule.Source.Description})", item.Id));
        }
    }
}
