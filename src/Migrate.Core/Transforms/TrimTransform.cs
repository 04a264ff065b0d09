using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary><c>trim</c>: removes leading and trailing half- and full-width spaces (fixed-width padding).</summary>
internal sealed class TrimTransform : ITransform
{
    private static readonly char[] Spaces = [' ', '\u3000', '\t'];

    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        output = input with { Value = input.Value?.Trim(Spaces) };
        return true;
    }
}
