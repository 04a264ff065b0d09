using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Validation;

namespace Migrate.Core.Transforms;

/// <summary>
/// <c>gaiji</c>: replaces private-use (外字) characters through the mapping's 外字 table: identified
/// ones by their standard character (with IVS), reduced ones by their 縮退 fallback (lossy), and
/// unresolved ones rejected or kept as the table says. Every occurrence is counted by code point.
/// </summary>
internal sealed class GaijiTransform(string item, GaijiTable table) : ITransform
{
    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        output = input;
        problem = null;
        var value = input.Value;
        if (string.IsNullOrEmpty(value) || !ContainsPrivateUse(value)) return true;

        var builder = new StringBuilder(value.Length + 4);
        var unresolved = new List<int>();
        foreach (var rune in value.EnumerateRunes())
        {
            if (!CharacterRules.IsPrivateUse(rune))
            {
                builder.Append(rune.ToString());
                continue;
            }
            var entry = table.Entries.GetValueOrDefault(rune.Value);
            var resolution = entry?.Resolution ?? GaijiResolution.Unresolved;
            row.Observations.GaijiSeen(item, rune.Value, resolution);
            switch (resolution)
            {
                case GaijiResolution.Identified:
                    builder.Append(entry!.Replacement);
                    break;
                case GaijiResolution.Reduced:
                    row.Observations.LossyStep(item, "gaiji-reduced");
                    builder.Append(entry!.Replacement);
                    break;
                default:
                    unresolved.Add(rune.Value);
                    builder.Append(rune.ToString());
                    break;
            }
        }
        if (unresolved.Count > 0 && table.Unresolved == UnresolvedGaijiRule.Reject)
        {
            var codes = string.Join(", ", unresolved.Distinct().Select(GaijiTable.CodePointToCp932Label));
            problem = new Problem(ErrorCodes.GaijiUnresolved, $"unresolved 外字 {codes}: add it to the mapping's gaiji table");
            return false;
        }
        output = input with { Value = builder.ToString() };
        return true;
    }

    private static bool ContainsPrivateUse(string value)
    {
        foreach (var c in value)
            if (c is >= '\uE000' and <= '\uF8FF' || char.IsSurrogate(c)) return true;
        return false;
    }
}
