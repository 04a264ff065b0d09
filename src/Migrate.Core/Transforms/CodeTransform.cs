using Migrate.Core.Diagnostics;
using Migrate.Core.Map;
using Migrate.Core.Mapping;

namespace Migrate.Core.Transforms;

/// <summary><c>code: TABLE</c>: legacy code → standard code through a mapping's code table.</summary>
public sealed class CodeTransform(string item, CodeTableDefinition table) : ITransform
{
    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        output = input;
        if (string.IsNullOrEmpty(input.Value)) return true;
        var legacy = input.Value;
        if (table.Values.TryGetValue(legacy, out var standard))
        {
            var conversion = table.Lossy.Contains(legacy) ? CodeConversion.Lossy
                : table.Custom.Contains(legacy) ? CodeConversion.Custom
                : CodeConversion.Standard;
            row.Observations.Code(item, table.Id, legacy, standard, conversion);
            if (conversion == CodeConversion.Lossy) row.Observations.LossyStep(item, "code-merge");
            output = new Cell(standard);
            return true;
        }
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
