using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Migrate.Core.Work;

/// <summary>
/// The one writer of the CSV files Core makes: staging, mapped, join indexes and the report's CSV
/// files. RFC 4180 with one quoting rule (<see cref="NeedsQuotes"/>), a quote doubled inside a
/// quoted field, CRLF after each record, UTF-8 without a BOM (a caller that wants one writes it
/// first) and a lone surrogate as U+FFFD: the bytes CsvHelper's writer gives with its default
/// configuration and a UTF-8 StreamWriter, each field encoded once, straight into a byte buffer.
/// </summary>
/// <remarks>
/// CsvHelper's writer copies every field into its own char buffer, then into a StreamWriter's,
/// which encodes it: for 400k mapped person rows 0.30 s of CPU against 0.24 s here, and the two
/// files of a 1M-person run hold 3.9M rows; its quoting rule, asked four times per field, took 6%
/// of the map stage (perf). Reading CSV stays with the libraries.
/// </remarks>
public sealed class Utf8CsvWriter : IDisposable
{
    private const int BufferSize = 1 << 16;

    // A field holding one of these is quoted (with the delimiter and line ends CsvHelper defaults to).
    private static readonly SearchValues<char> Specials = SearchValues.Create("\",\r\n");

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _length;
    private bool _inRecord;
    private bool _disposed;

    /// <summary>A writer into <paramref name="stream"/>, which it disposes with itself unless <paramref name="leaveOpen"/>.</summary>
    public Utf8CsvWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    /// <summary>
    /// The quoting rule, CsvHelper's default: a field is quoted when it starts or ends with a space,
    /// or holds a quote, a comma, CR or LF. Null and empty are written empty, unquoted.
    /// </summary>
    public static bool NeedsQuotes(string? field) =>
        EndsNeedQuotes(field) || field.AsSpan().ContainsAny(Specials);

    /// <summary>
    /// <see cref="NeedsQuotes"/> for a field known to hold no quote, comma, CR or LF (a value split at
    /// the commas and line ends of a record without a quote): only its ends are looked at.
    /// </summary>
    public static bool EndsNeedQuotes(string? field) =>
        !string.IsNullOrEmpty(field) && (field[0] == ' ' || field[^1] == ' ');

    /// <summary>Writes a field, quoted when <see cref="NeedsQuotes"/> says so.</summary>
    public void WriteField(string? field) => WriteField(field, NeedsQuotes(field));

    /// <summary>
    /// Writes a field, quoted when <paramref name="quote"/> says so: the caller's answer to
    /// <see cref="NeedsQuotes"/>, remembered for a repeated value or known from its validation; null is empty.
    /// </summary>
    public void WriteField(string? field, bool quote)
    {
        var chars = field.AsSpan();
        // At most 3 bytes per UTF-16 unit, one more for each doubled quote, the quotes and a comma.
        var most = quote ? chars.Length * 4L + 3 : chars.Length * 3L + 1;
        if (most > BufferSize - _length)
        {
            Flush();
            if (most > BufferSize)
            {
                WriteLong(chars, quote);
                return;
            }
        }
        Separate();
        if (!quote)
        {
            _length += Encode(chars, _buffer.AsSpan(_length));
            return;
        }
        _length += Quoted(chars, _buffer.AsSpan(_length));
    }

    /// <summary>Writes an integer field (its invariant digits: never quoted).</summary>
    public void WriteField(long number)
    {
        if (BufferSize - _length < 21) Flush();
        Separate();
        number.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>Ends the record.</summary>
    public void NextRecord()
    {
        if (BufferSize - _length < 2) Flush();
        _buffer[_length++] = (byte)'\r';
        _buffer[_length++] = (byte)'\n';
        _inRecord = false;
    }

    /// <summary>Writes what is buffered to the stream.</summary>
    public void Flush()
    {
        if (_length == 0) return;
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }

    /// <summary>Flushes, then disposes the stream unless it is left open (even when the flush fails).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            Flush();
        }
        finally
        {
            if (!_leaveOpen) _stream.Dispose();
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    private void Separate()
    {
        if (_inRecord) _buffer[_length++] = (byte)',';
        _inRecord = true;
    }

    /// <summary>The field between quotes, each quote in it doubled, a lone surrogate as U+FFFD; returns the bytes written.</summary>
    internal static int Quoted(ReadOnlySpan<char> chars, Span<byte> destination)
    {
        destination[0] = (byte)'"';
        var at = 1;
        while (true)
        {
            var quote = chars.IndexOf('"');
            if (quote < 0)
            {
                at += Encode(chars, destination[at..]);
                break;
            }
            // Up to and including the quote, then the quote again.
            at += Encode(chars[..(quote + 1)], destination[at..]);
            destination[at++] = (byte)'"';
            chars = chars[(quote + 1)..];
        }
        destination[at++] = (byte)'"';
        return at;
    }

    /// <summary>
    /// The UTF-8 field between quotes, each quote in it doubled (a quote byte is never part of a longer
    /// character); returns the bytes written, at most twice the field's plus two. PostgreSQL's CSV
    /// COPY takes its values this way too.
    /// </summary>
    public static int Quoted(ReadOnlySpan<byte> utf8, Span<byte> destination)
    {
        destination[0] = (byte)'"';
        var at = 1;
        while (true)
        {
            var quote = utf8.IndexOf((byte)'"');
            if (quote < 0)
            {
                utf8.CopyTo(destination[at..]);
                at += utf8.Length;
                break;
            }
            utf8[..(quote + 1)].CopyTo(destination[at..]);
            at += quote + 1;
            destination[at++] = (byte)'"';
            utf8 = utf8[(quote + 1)..];
        }
        destination[at++] = (byte)'"';
        return at;
    }

    /// <summary>UTF-8 of <paramref name="chars"/>, a lone surrogate as U+FFFD (as UTF8Encoding gives it, without its per-call checks).</summary>
    internal static int Encode(ReadOnlySpan<char> chars, Span<byte> destination)
    {
        Utf8.FromUtf16(chars, destination, out _, out var written);
        return written;
    }

    /// <summary>A field too long for the buffer (the buffer is empty): encoded into a buffer of its own.</summary>
    private void WriteLong(ReadOnlySpan<char> chars, bool quote)
    {
        var size = chars.Length * 4 + 3;
        var bytes = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var length = 0;
            if (_inRecord) bytes[length++] = (byte)',';
            _inRecord = true;
            length += quote ? Quoted(chars, bytes.AsSpan(length)) : Encode(chars, bytes.AsSpan(length));
            _stream.Write(bytes, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
