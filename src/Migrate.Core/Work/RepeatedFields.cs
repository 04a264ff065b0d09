namespace Migrate.Core.Work;

/// <summary>
/// The one memo of the record loops: per column, the input seen last and what a pure conversion made
/// of it, so that a field equal to the one above it is not decoded, converted, checked, quoted or
/// hashed again. Legacy exports are sorted by person and history number: consecutive history rows
/// repeat the name, address and dates, and code columns repeat row after row (in the vendor-A sample,
/// 56% of the non-empty fields equal the one above). What is kept must be a function of the input
/// alone. An instance belongs to one record loop (an extractor's, a pipeline step's, a writer's), never
/// to a type: there is no shared state.
/// </summary>
/// <typeparam name="TUnit">The input's units: chars (a string, or a field read as Latin-1) or UTF-8 bytes.</typeparam>
/// <typeparam name="TValue">What was made of the input.</typeparam>
public sealed class RepeatedFields<TUnit, TValue>(int columns) where TUnit : IEquatable<TUnit>
{
    // Longer fields read into a reused buffer are rarely repeated verbatim and not worth a copy.
    private const int MaxCopied = 256;

    // The input kept per column: a copy in _copies, or the caller's own unchanging units (a string's).
    private readonly ReadOnlyMemory<TUnit>[] _raw = new ReadOnlyMemory<TUnit>[columns];
    private readonly bool[] _kept = new bool[columns];
    private readonly TUnit[]?[] _copies = new TUnit[columns][];
    private readonly TValue[] _value = new TValue[columns];

    /// <summary>What was made of <paramref name="column"/>'s last input, when that input was <paramref name="raw"/>.</summary>
    public bool TryGet(int column, ReadOnlySpan<TUnit> raw, out TValue value)
    {
        var kept = _raw[column];
        // Equal spans of one string compare by reference first (SequenceEqual), so a repeated string costs no scan.
        if (_kept[column] && kept.Length == raw.Length && raw.SequenceEqual(kept.Span))
        {
            value = _value[column];
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Remembers <paramref name="value"/> for a copy of <paramref name="raw"/>, which the caller may reuse (a read buffer).</summary>
    public void Set(int column, ReadOnlySpan<TUnit> raw, TValue value)
    {
        if (raw.Length > MaxCopied)
        {
            _kept[column] = false;
            return;
        }
        var copy = _copies[column] ??= new TUnit[MaxCopied];
        raw.CopyTo(copy);
        Keep(column, copy.AsMemory(0, raw.Length), value);
    }

    /// <summary>
    /// Remembers <paramref name="value"/> for <paramref name="raw"/> itself, whose units never change (a
    /// string's chars): nothing is copied, whatever its length.
    /// </summary>
    public void Set(int column, ReadOnlyMemory<TUnit> raw, TValue value) => Keep(column, raw, value);

    private void Keep(int column, ReadOnlyMemory<TUnit> raw, TValue value)
    {
        _raw[column] = raw;
        _value[column] = value;
        _kept[column] = true;
    }
}
