using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary><c>remove: "-"</c> and <c>replace: { from: "ｰ", to: "ー" }</c>: literal text substitution.</summary>
public sealed class ReplaceTransform(string from, string to) : ITransform
{
    private readonly LastConversion _replaced = new(value => value.Replace(from, to, StringComparison.Ordinal));

    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        output = input.Value is null ? input : input with { Value = _replaced.Of(input.Value) };
        return true;
    }
}
