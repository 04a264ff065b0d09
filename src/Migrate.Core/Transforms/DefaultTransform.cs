using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary><c>default: "0"</c>: fills an empty value.</summary>
internal sealed class DefaultTransform(string value) : ITransform
{
    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        output = input.IsEmpty ? new Cell(value) : input;
        return true;
    }
}
