using Migrate.Core.Diagnostics;
using Migrate.Core.Map;
using Migrate.Core.Mapping;

namespace Migrate.Core.Transforms;

/// <summary>
/// <c>code: TABLE</c>: legacy code → standard code through a mapping's code table. A chain deeper than
/// the standard item allows (<paramref name="tooDeep"/>, 続柄 1.1.11: 子の子の子の子の子) becomes the
/// list's overflow code (縁故者), counted as a lossy conversion.
/// </summary>
public sealed class CodeTransform(string item, CodeTableDefinition table, Func<string, string?>? tooDeep = null) : ITransform
{
    // The code looked up last (code columns repeat row after row): three lookups spared, the count kept.
    private string? _lastLegacy;
    private string? _lastStandard;
    private CodeConversion _lastConversion;
    private bool _lastDeep;

    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        output = input;
        if (string.IsNullOrEmpty(input.Value)) return true;
        var legacy = input.Value;
        if (!string.Equals(legacy, _lastLegacy, StringComparison.Ordinal))
        {
            if (!table.Values.TryGetValue(legacy, out var standard)) return Unknown(input, row, out output, out problem);
            _lastLegacy = legacy;
            _lastConversion = table.Lossy.Contains(legacy) ? CodeConversion.Lossy
                : table.Custom.Contains(legacy) ? CodeConversion.Custom
                : CodeConversion.Standard;
            var overflow = tooDeep?.Invoke(standard);
            _lastDeep = overflow is not null;
            if (overflow is not null)
            {
                standard = overflow;
                _lastConversion = CodeConversion.Lossy;
            }
            _lastStandard = standard;
        }
        // Counted for every row, remembered or not.
        row.Observations.Code(item, table.Id, legacy, _lastStandard, _lastConversion);
        if (_lastDeep) row.Observations.LossyStep(item, "chain-depth");
        else if (_lastConversion == CodeConversion.Lossy) row.Observations.LossyStep(item, "code-merge");
        output = new Cell(_lastStandard);
        return true;
    }

    private bool Unknown(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        output = input;
        var legacy = input.Value!;
        switch (table.Unknown)
        {
            case UnknownCodeRule.Keep:
                row.Observations.Code(item, table.Id, legacy, legacy, CodeConversion.Unknown);
                return true;
            case UnknownCodeRule.Default:
                row.Observations.Code(item, table.Id, legacy, table.UnknownDefault, CodeConversion.DefaultedUnknown);
                row.Observations.LossyStep(item, "code-default");
                output = new Cell(table.UnknownDefault);
                return true;
            default:
                row.Observations.Code(item, table.Id, legacy, null, CodeConversion.Unknown);
                // The code value itself is not personal data and is what the contractor must add to the table.
                problem = new Problem(ErrorCodes.CodeUnknown, $"legacy code '{legacy}' is not in code table '{table.Id}'");
                return false;
        }
    }
}
