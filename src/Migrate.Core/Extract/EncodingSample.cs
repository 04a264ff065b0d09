using Migrate.Core.Diagnostics;
using Migrate.Core.Text;

namespace Migrate.Core.Extract;

/// <summary>
/// Judges the declared encoding on a file's first data records. When more than half of the first
/// <see cref="Size"/> records (or of all records, in a smaller file) are rejected for bytes that do
/// not decode, the file is in another encoding: rejecting every record one by one would hide that
/// behind a long rejects file, so the extract stops (exit 3) with the likely encoding. A file with a
/// few bad bytes here and there is judged record by record as before.
/// </summary>
internal sealed class EncodingSample(string fileName, string encoding)
{
    public const int Size = 100;

    private int _records;
    private int _undecodable;
    private byte[]? _firstRaw;
    private string _first = "";

    /// <summary>Whether the sample still takes records; the caller skips <see cref="Add"/> once it is full.</summary>
    public bool Open => _records < Size;

    /// <summary>
    /// Counts one data record; <paramref name="problem"/> names its first undecodable field with its line
    /// or record, if any, and <paramref name="raw"/> then holds the record's bytes. Stops the extract when
    /// the sample is full and fails.
    /// </summary>
    public void Add(string? problem, ReadOnlySpan<byte> raw)
    {
        _records++;
        if (problem is not null)
        {
            _undecodable++;
            if (_firstRaw is null)
            {
                _firstRaw = raw.ToArray();
                _first = problem;
            }
        }
        if (_records == Size) Judge();
    }

    /// <summary>Judges a sample that is not full (the file has fewer records); nothing when it passes.</summary>
    public void Judge()
    {
        if (_undecodable * 2 <= _records) return;
        var suggestion = EncodingGuess.Suggest(_firstRaw, encoding);
        var hint = suggestion is null ? "check the 'encoding' of the source in the mapping" : $"is the file {LegacyEncodings.DisplayName(suggestion)}?";
        throw MigrateException.DataError(
            $"{fileName}: {_undecodable} of the first {_records} records are not valid {LegacyEncodings.DisplayName(encoding)} (first at {_first}); {hint}");
    }
}
