using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary><c>constant: "131016"</c>: the same value on every row, whatever the input.</summary>
internal sealed class ConstantTransform(string value) : ITransform
{
    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        output = new Cell(value);
        return true;
    }
}
