using Migrate.Core.Diagnostics;
using Migrate.Core.Text;

namespace Migrate.Core.Transforms;

/// <summary><c>kana</c>: half-width katakana → full-width with voiced marks composed (フリガナ only).</summary>
public sealed class KanaTransform : ITransform
{
    // The value converted last: history rows of one person repeat the name, and a new string per
    // row was most of what the transform cost.
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
            _lastOutput = KanaNormalizer.ToFullWidthKatakana(input.Value);
            _lastInput = input.Value;
        }
        output = input with { Value = _lastOutput };
        return true;
    }
}
