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

    // The input kept per column: a copy in _copies (the record loops' reused buffers), or the caller's
    // own unchanging units (a string's chars) in _shared. -1: nothing kept.
    private readonly int[] _length = [.. Enumerable.Repeat(-1, columns)];
    private readonly bool[] _copied = new bool[columns];
    private readonly TUnit[][] _copies = [.. Enumerable.Range(0, columns).Select(_ => Array.Empty<TUnit>())];
    private readonly ReadOnlyMemory<TUnit>[] _shared = new ReadOnlyMemory<TUnit>[columns];
    private readonly TValue[] _value = new TValue[columns];

    /// <summary>What was made of <paramref name="column"/>'s last input, when that input was <paramref name="raw"/>.</summary>
    public bool TryGet(int column, ReadOnlySpan<TUnit> raw, out TValue value)
    {
        // A copy is compared without going through a ReadOnlyMemory (the extractor's and the COPY
        // encoder's loops ask once per field); spans of one string compare by reference first.
        if (_length[column] == raw.Length
            && raw.SequenceEqual(_copied[column] ? _copies[column].AsSpan(0, raw.Length) : _shared[column].Span))
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
            _length[column] = -1;
            return;
        }
        if (_copies[column].Length == 0) _copies[column] = new TUnit[MaxCopied];
        raw.CopyTo(_copies[column]);
        _shared[column] = default;
        _copied[column] = true;
        _length[column] = raw.Length;
        _value[column] = value;
    }

    /// <summary>
    /// Remembers <paramref name="value"/> for <paramref name="raw"/> itself, whose units never change (a
    /// string's chars): nothing is copied, whatever its length.
    /// </summary>
    public void Set(int column, ReadOnlyMemory<TUnit> raw, TValue value)
    {
        _shared[column] = raw;
        _copied[column] = false;
        _length[column] = raw.Length;
        _value[column] = value;
    }
}
