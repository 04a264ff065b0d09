using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary>
/// <c>split: { separator: "　", index: 0, required: false }</c>: takes one part of a value. With the
/// last index (-1) the rest after the first separator is kept whole.
/// </summary>
internal sealed class SplitTransform(string separator, int index, bool required) : ITransform
{
    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        output = input;
        if (string.IsNullOrEmpty(input.Value)) return true;
        if (index == -1)
        {
            var at = input.Value.IndexOf(separator, StringComparison.Ordinal);
            output = new Cell(at < 0 ? null : input.Value[(at + separator.Length)..]);
        }
        else
        {
            var parts = input.Value.Split(separator, index == 0 ? 2 : int.MaxValue);
            output = new Cell(index < parts.Length ? parts[index] : null);
        }
        if (required && string.IsNullOrEmpty(output.Value))
        {
            problem = new Problem(ErrorCodes.SplitMissingPart, $"no part {index} when split by '{separator}'");
            return false;
        }
        return true;
    }
}
