using Migrate.Core.Diagnostics;
using Migrate.Core.Work;

namespace Migrate.Core.Transforms;

/// <summary>
/// A transform in two halves: <see cref="Convert"/>, which depends on the value alone (a parse, a
/// lookup, a new string), and <see cref="Apply"/>, which gives the row its cell and counts what each
/// row counts. Consecutive history rows of one person repeat most values, and converting them again
/// was most of what such a transform cost: the item's pipeline asks for <see cref="WithMemo"/>, a
/// step that remembers the last conversion. The transform itself keeps nothing.
/// </summary>
/// <typeparam name="TResult">What <see cref="Convert"/> makes of a value (a failure included).</typeparam>
internal abstract class ValueConversion<TResult> : IValueConversion
{
    /// <summary>The part that depends on <paramref name="value"/> (never empty) alone.</summary>
    protected abstract TResult Convert(string value);

    /// <summary>The row's output from its input and the value's conversion; what it counts, it counts for every row.</summary>
    protected abstract bool Apply(in Cell input, TResult converted, RowScope row, out Cell output, out Problem? problem);

    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        if (string.IsNullOrEmpty(input.Value)) return Unchanged(input, out output, out problem);
        return Apply(input, Convert(input.Value), row, out output, out problem);
    }

    public ITransform WithMemo() => new Remembering(this);

    private static bool Unchanged(in Cell input, out Cell output, out Problem? problem)
    {
        output = input;
        problem = null;
        return true;
    }

    /// <summary>The conversion with the memo of one item's step in one row loop.</summary>
    private sealed class Remembering(ValueConversion<TResult> conversion) : ITransform
    {
        private readonly RepeatedFields<char, TResult> _last = new(1);

        public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
        {
            var value = input.Value;
            if (string.IsNullOrEmpty(value)) return Unchanged(input, out output, out problem);
            if (!_last.TryGet(0, value, out var converted))
            {
                converted = conversion.Convert(value);
                _last.Set(0, value.AsMemory(), converted);
            }
            return conversion.Apply(input, converted, row, out output, out problem);
        }
    }
}
