namespace Migrate.Core.Work;

/// <summary>
/// Per column, the raw field seen last and what was made of it, so that a field equal to the one
/// above it is not decoded, checked or hashed again. Legacy exports are sorted by person and history
/// number: consecutive history rows repeat the name, address and dates, and code columns repeat row
/// after row (in the vendor-A sample, 56% of the non-empty fields equal the one above). What is kept
/// must be a function of the raw field alone, and only results that succeeded are kept.
/// </summary>
/// <typeparam name="TUnit">The raw field's units: chars (a field read as Latin-1) or UTF-8 bytes.</typeparam>
/// <typeparam name="TValue">What was made of the field.</typeparam>
public sealed class RepeatedFields<TUnit, TValue>(int columns) where TUnit : IEquatable<TUnit>
{
    // Longer fields are rarely repeated verbatim and are not worth keeping a copy of.
    private const int MaxKept = 256;

    private readonly TUnit[][] _raw = [.. Enumerable.Range(0, columns).Select(_ => new TUnit[MaxKept])];
    private readonly int[] _length = [.. Enumerable.Repeat(-1, columns)];
    private readonly TValue[] _value = new TValue[columns];

    /// <summary>What was made of <paramref name="column"/>'s last field, when that field was <paramref name="raw"/>.</summary>
    public bool TryGet(int column, ReadOnlySpan<TUnit> raw, out TValue value)
    {
        if (_length[column] == raw.Length && raw.SequenceEqual(_raw[column].AsSpan(0, raw.Length)))
        {
            value = _value[column];
            return true;
        }
        value = default!;
        return false;
    }

    public void Set(int column, ReadOnlySpan<TUnit> raw, TValue value)
    {
        if (raw.Length > MaxKept)
        {
            _length[column] = -1;
            return;
        }
        raw.CopyTo(_raw[column]);
        _length[column] = raw.Length;
        _value[column] = value;
    }
}
