using Migrate.Core.Diagnostics;
using Migrate.Core.Text;

namespace Migrate.Core.Transforms;

/// <summary><c>kana</c>: half-width katakana → full-width with voiced marks composed (フリガナ only).</summary>
internal sealed class KanaTransform : ValueConversion<string>
{
    protected override string Convert(string value) => KanaNormalizer.ToFullWidthKatakana(value);

    protected override bool Apply(in Cell input, string converted, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        output = input with { Value = converted };
        return true;
    }
}
