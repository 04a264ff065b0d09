using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary><c>remove: "-"</c> and <c>replace: { from: "ｰ", to: "ー" }</c>: literal text substitution.</summary>
internal sealed class ReplaceTransform(string from, string to) : ValueConversion<string>
{
    protected override string Convert(string value) => value.Replace(from, to, StringComparison.Ordinal);

    protected override bool Apply(in Cell input, string converted, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        output = input with { Value = converted };
        return true;
    }
}
