using System.Text;
using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary>
/// <c>halfwidth-ascii</c>: full-width ASCII (Ａ１－) → ASCII, for codes, numbers and alphabet names only.
/// Never used on kanji names or addresses.
/// </summary>
internal sealed class HalfWidthAsciiTransform : ITransform
{
    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        output = input;
        if (string.IsNullOrEmpty(input.Value)) return true;
        StringBuilder? builder = null;
        for (var i = 0; i < input.Value.Length; i++)
        {
            var c = input.Value[i];
            var mapped = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            };
            if (mapped != c) builder ??= new StringBuilder(input.Value, 0, i, input.Value.Length);
            builder?.Append(mapped);
        }
        if (builder is not null) output = input with { Value = builder.ToString() };
        return true;
    }
}
