using Migrate.Core.Diagnostics;
using Migrate.Core.Text;

namespace Migrate.Core.Transforms;

/// <summary><c>kana</c>: half-width katakana → full-width with voiced marks composed (フリガナ only).</summary>
public sealed class KanaTransform : ITransform
{
    private readonly LastConversion _converted = new(KanaNormalizer.ToFullWidthKatakana);

    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        output = input.Value is null ? input : input with { Value = _converted.Of(input.Value) };
        return true;
    }
}
