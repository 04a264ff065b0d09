using System.Text;
using Migrate.Core.Mapping;
using Migrate.Core.Work;

namespace Migrate.Core.Extract;

/// <summary>
/// Writes one source's staging file (owner-only, UTF-8 CSV: source line, byte offset, then the
/// source's columns) and its SHA-256; in <c>migrate run</c> it also hands each record on to the
/// mapper (<see cref="RecordHandoff"/>) exactly as the file holds it.
/// </summary>
internal sealed class StagingWriter : IDisposable
{
    public const string LineColumn = "_line";
    public const string OffsetColumn = "_offset";

    private readonly HashingStream _hashing;
    private readonly Utf8CsvWriter _csv;
    private readonly RecordHandoff? _handoff;
    // Per column, whether the value written last needed quotes: the extractor hands the same string
    // again for a field equal to the one above it, so most non-empty fields need no scan.
    private readonly RepeatedFields<char, bool> _quoting;
    private readonly bool _mayHoldLoneSurrogates;
    private string[]? _asWritten;
    private bool _disposed;

    /// <param name="mayHoldLoneSurrogates">
    /// True when the values come from a database driver: a text column can hold a lone surrogate. Values
    /// decoded from a file with a strict decoder cannot (a CP932 or EUC-JP character is never a
    /// surrogate, and strict UTF-8 and UTF-16 decoding refuses a lone one), so they are not searched for one.
    /// </param>
    /// <param name="handoff">Where the records go besides the file (<c>migrate run</c>: to the mapper).</param>
    public StagingWriter(WorkDirectory work, SourceDefinition source, bool mayHoldLoneSurrogates = false, RecordHandoff? handoff = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(source);
        Path = work.StagingFile(source.Id);
        _handoff = handoff;
        _hashing = new HashingStream(PrivateFiles.Create(Path));
        _csv = new Utf8CsvWriter(new BackgroundWriteStream(_hashing));
        _quoting = new RepeatedFields<char, bool>(source.Columns.Count);
        _mayHoldLoneSurrogates = mayHoldLoneSurrogates;
        _csv.WriteField(LineColumn);
        _csv.WriteField(OffsetColumn);
        foreach (var column in source.Columns) _csv.WriteField(column);
        _csv.NextRecord();
    }

    public string Path { get; }

    /// <summary>The file's SHA-256, once the writer is disposed.</summary>
    public string Sha256 => _hashing.Sha256;

    /// <summary>Writes one staged record; <paramref name="values"/> may be reused by the caller afterwards.</summary>
    /// <param name="unsplittable">
    /// True when the caller knows that no value holds a quote, a comma, CR or LF (the values of a
    /// comma-delimited record without a quote, split at its commas and line ends): then only a value's
    /// ends decide its quoting, and the values are not scanned.
    /// </param>
    public void Write(long line, long offset, string[] values, bool unsplittable = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        _csv.WriteField(line);
        _csv.WriteField(offset);
        if (unsplittable)
        {
            foreach (var value in values) _csv.WriteField(value, Utf8CsvWriter.EndsNeedQuotes(value));
        }
        else
        {
            for (var i = 0; i < values.Length; i++) _csv.WriteField(values[i], NeedsQuotes(i, values[i]));
        }
        _csv.NextRecord();
        if (_handoff is null) return;
        if (_mayHoldLoneSurrogates)
        {
            _asWritten ??= new string[values.Length];
            for (var i = 0; i < values.Length; i++) _asWritten[i] = AsWritten(values[i]);
            values = _asWritten;
        }
        _handoff.Add(line, offset, values);
    }

    private bool NeedsQuotes(int column, string value)
    {
        if (_quoting.TryGet(column, value, out var quote)) return quote;
        quote = Utf8CsvWriter.NeedsQuotes(value);
        _quoting.Set(column, value.AsMemory(), quote);
        return quote;
    }

    /// <summary>
    /// The value as the file holds it: UTF-8 cannot hold a lone surrogate (a database text column can),
    /// the file gets U+FFFD in its place, and so does the mapper.
    /// </summary>
    public static string AsWritten(string value) =>
        value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? value : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            _csv.Dispose();
        }
        finally
        {
            _handoff?.Complete();
        }
    }
}
