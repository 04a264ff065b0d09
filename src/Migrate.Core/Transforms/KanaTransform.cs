using Migrate.Core.Diagnostics;
using Migrate.Core.Text;

namespace Migrate.Core.Transforms;

/// <summary><c>kana</c>: half-width katakana → full-width with voiced marks composed (フリガナ only).</summary>
public sealed class KanaTransform : ITransform
{
    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        output = input.Value is null ? input : input with { Value = KanaNormalizer.ToFullWidthKatakana(input.Value) };
        return true;
    }
}
