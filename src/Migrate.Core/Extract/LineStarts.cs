using System.Security.Cryptography;

namespace Migrate.Core.Extract;

/// <summary>
/// The byte offset where each line of a legacy file starts, found by a forward-only scan kept in
/// step with the CSV reader (which reports line numbers, not bytes), and the file's SHA-256 from the
/// same pass. Lines end at CRLF, CR or LF, as the CSV reader counts them; none of those bytes occurs
/// inside a CP932, EUC-JP or UTF-8 multi-byte character, so the raw byte scan is exact.
/// </summary>
internal sealed class LineStarts : IDisposable
{
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    private readonly FileStream _stream;
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _pos;
    private int _length;
    private long _bufferStart;
    private long _line = 1;
    private long _lineStart;

    /// <param name="firstLineStart">Where line 1 starts: after a byte order mark, if any.</param>
    public LineStarts(string path, long firstLineStart)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        _lineStart = firstLineStart;
    }

    /// <summary>The offset of line <paramref name="line"/> (1-based); lines must be asked for in increasing order.</summary>
    public long OffsetOf(long line)
    {
        if (line < _line) throw new InvalidOperationException($"line {line} was asked for after line {_line}");
        while (_line < line)
            if (!NextLine()) throw new InvalidOperationException($"the file has no line {line}");
        return _lineStart;
    }

    /// <summary>The SHA-256 (lower-case hex) of the whole file; reads what the scan has not reached.</summary>
    public string Sha256()
    {
        _pos = _length;
        while (Fill()) _pos = _length;
        return Convert.ToHexStringLower(_sha.GetHashAndReset());
    }

    private bool NextLine()
    {
        while (true)
        {
            var found = _buffer.AsSpan(_pos, _length - _pos).IndexOfAny(Cr, Lf);
            if (found < 0)
            {
                _pos = _length;
                if (!Fill()) return false;
                continue;
            }
            var at = _pos + found;
            if (_buffer[at] == Cr && at + 1 == _length)
            {
                // Whether a LF follows is in the next block: keep the CR and read on.
                _pos = at;
                if (Fill()) continue;
                at = _pos;
            }
            var next = at + 1;
            if (_buffer[at] == Cr && next < _length && _buffer[next] == Lf) next++;
            _pos = next;
            _line++;
            _lineStart = _bufferStart + next;
            return true;
        }
    }

    /// <summary>Keeps the bytes from <see cref="_pos"/> on and appends the next block of the file; false at its end.</summary>
    private bool Fill()
    {
        var keep = _length - _pos;
        if (keep > 0) Buffer.BlockCopy(_buffer, _pos, _buffer, 0, keep);
        _bufferStart += _pos;
        _pos = 0;
        _length = keep;
        var read = _stream.Read(_buffer, _length, _buffer.Length - _length);
        if (read == 0) return false;
        _sha.AppendData(_buffer, _length, read);
        _length += read;
        return true;
    }

    public void Dispose()
    {
        _stream.Dispose();
        _sha.Dispose();
    }
}
