using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary><c>remove: "-"</c> and <c>replace: { from: "ｰ", to: "ー" }</c>: literal text substitution.</summary>
public sealed class ReplaceTransform(string from, string to) : ITransform
{
    // The value replaced last: consecutive history rows repeat it (postal codes, for one).
    private string? _lastInput;
    private string? _lastOutput;

    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        if (input.Value is null)
        {
            output = input;
            return true;
        }
        if (!string.Equals(input.Value, _lastInput, StringComparison.Ordinal))
        {
            _lastOutput = input.Value.Replace(from, to, StringComparison.Ordinal);
            _lastInput = input.Value;
        }
        output = input with { Value = _lastOutput };
        return true;
    }
}
