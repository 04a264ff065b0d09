namespace Migrate.Core.Extract;

/// <summary>
/// The last decoded value of each column with the raw field it came from, so that a field equal to
/// the one above it is neither decoded nor allocated again. Legacy exports are sorted by person and
/// history number: consecutive history rows repeat the name, address and dates, and code columns
/// repeat row after row (in the vendor-A sample, 56% of the non-empty fields equal the one above).
/// Decoding is a function of the raw field alone, so the reused value is the one decoding would give.
/// </summary>
internal sealed class RepeatedFields(int columns)
{
    // Longer fields are rarely repeated verbatim and are not worth keeping a copy of.
    private const int MaxKept = 256;

    private readonly char[][] _raw = [.. Enumerable.Range(0, columns).Select(_ => new char[MaxKept])];
    private readonly int[] _length = [.. Enumerable.Repeat(-1, columns)];
    private readonly string[] _value = new string[columns];

    /// <summary>The value decoded last for <paramref name="column"/>, when its raw field was <paramref name="raw"/>.</summary>
    public bool TryGet(int column, ReadOnlySpan<char> raw, out string value)
    {
        if (_length[column] == raw.Length && raw.SequenceEqual(_raw[column].AsSpan(0, raw.Length)))
        {
            value = _value[column];
            return true;
        }
        value = "";
        return false;
    }

    public void Set(int column, ReadOnlySpan<char> raw, string value)
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
