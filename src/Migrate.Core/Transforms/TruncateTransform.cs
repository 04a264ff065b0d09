using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary><c>truncate: 100</c>: cuts a value to a length, counting it as a lossy conversion.</summary>
internal sealed class TruncateTransform(string item, int length) : ITransform
{
    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        if (input.Value is null || input.Value.Length <= length)
        {
            output = input;
            return true;
        }
        // Never cut a surrogate pair or an IVS selector away from its base character.
        var cut = length;
        while (cut > 0 && (char.IsLowSurrogate(input.Value[cut]) || IsVariationSelectorAt(input.Value, cut))) cut--;
        row.Observations.LossyStep(item, "truncate");
        output = input with { Value = input.Value[..cut] };
        return true;
    }

    private static bool IsVariationSelectorAt(string value, int index) =>
        index < value.Length && System.Text.Rune.TryGetRuneAt(value, index, out var r) && r.Value is >= 0xE0100 and <= 0xE01EF;
}
