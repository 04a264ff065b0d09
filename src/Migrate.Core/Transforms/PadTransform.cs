using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary><c>pad: { width: 10, char: "0", side: left }</c>: pads a non-empty value to a width.</summary>
internal sealed class PadTransform(int width, char padding, bool left) : ITransform
{
    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        output = string.IsNullOrEmpty(input.Value) ? input
            : input with { Value = left ? input.Value.PadLeft(width, padding) : input.Value.PadRight(width, padding) };
        return true;
    }
}
