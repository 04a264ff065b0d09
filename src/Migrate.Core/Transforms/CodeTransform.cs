using Migrate.Core.Diagnostics;
using Migrate.Core.Map;
using Migrate.Core.Mapping;

namespace Migrate.Core.Transforms;

/// <summary>
/// <c>code: TABLE</c>: legacy code → standard code through a mapping's code table. A chain deeper than
/// the standard item allows (<paramref name="tooDeep"/>, 続柄 1.1.11: 子の子の子の子の子) becomes the
/// list's overflow code (縁故者), counted as a lossy conversion.
/// </summary>
internal sealed class CodeTransform(string item, CodeTableDefinition table, Func<string, string?>? tooDeep = null) : ValueConversion<CodeTransform.Lookup>
{
    /// <summary>
    /// What the table says of a legacy code: its standard code and how it converts, or that it is
    /// not in the table. Code columns repeat row after row, so the pipeline's memo spares the lookups.
    /// </summary>
    public readonly record struct Lookup(bool Known, string? Standard, CodeConversion Conversion, bool Deep);

    protected override Lookup Convert(string value)
    {
        if (!table.Values.TryGetValue(value, out var standard)) return new Lookup(false, null, CodeConversion.Unknown, false);
        var conversion = table.Lossy.Contains(value) ? CodeConversion.Lossy
            : table.Custom.Contains(value) ? CodeConversion.Custom
            : CodeConversion.Standard;
        if (tooDeep?.Invoke(standard) is { } overflow) return new Lookup(true, overflow, CodeConversion.Lossy, true);
        return new Lookup(true, standard, conversion, false);
    }

    protected override bool Apply(in Cell input, Lookup converted, RowScope row, out Cell output, out Problem? problem)
    {
        if (!converted.Known) return Unknown(input, row, out output, out problem);
        problem = null;
        // Counted for every row, remembered or not.
        var legacy = input.Value!;
        row.Observations.Code(item, table.Id, legacy, converted.Standard, converted.Conversion);
        if (converted.Deep) row.Observations.LossyStep(item, "chain-depth");
        else if (converted.Conversion == CodeConversion.Lossy) row.Observations.LossyStep(item, "code-merge");
        output = new Cell(converted.Standard);
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
