namespace Migrate.Core.Extract;

/// <summary>
/// Sits between the Latin-1 text of a delimited file and the CSV reader (Sep) and hands the reader
/// only whole physical lines, so that one broken quote costs one record instead of the rest of the
/// file. Sep toggles its quote state at every <c>"</c> and cannot resynchronize: an unclosed quote
/// turns every later line into one field. This reader tracks quote parity the same way; while a
/// quote is open across line breaks it holds the lines back, up to <c>max_record_lines</c> lines
/// and <c>max_record_bytes</c> bytes. When a bound is hit, when the held record closes with the
/// wrong number of fields, or when the file ends inside the quote, the record's first line is
/// replaced by <see cref="UnclosedQuoteMarker"/> (its line break kept, so Sep's line numbers stay
/// right) and scanning resumes at the next physical line. A single line longer than
/// <c>max_record_bytes</c> is replaced by <see cref="TooLongMarker"/> the same way, read past
/// without being held. Neither marker can occur in Latin-1 text (U+0000–U+00FF). The caller takes
/// the matching <see cref="DivertedLine"/> from <see cref="TakeDiverted"/> when it meets a marker row.
/// Line breaks are CR LF, LF or a lone CR, as Sep counts them.
/// </summary>
/// <remarks>
/// Most legacy records hold no quote: a stretch of text without one is released up to its last line
/// break after one vectorized search for the quote and one for the break, with no per-record work.
/// </remarks>
internal sealed class BoundedRecordReader : TextReader
{
    public const char UnclosedQuoteMarker = '\uFFFF';
    public const char TooLongMarker = '\uFFFE';

    /// <summary>How many of a diverted line's first bytes are kept for the reject file.</summary>
    public const int HeadLimit = 1024;

    private const int ReadSize = 1 << 16;

    private readonly TextReader _inner;
    private readonly char _delimiter;
    private readonly int _fields;
    private readonly int _maxLines;
    private readonly int _maxChars;
    private readonly Queue<DivertedLine> _diverted = new();

    private char[] _buffer = new char[ReadSize * 2];
    private int _pos;      // the next char to hand out
    private int _ready;    // the end of what may be handed out; the record being scanned starts here
    private int _end;      // the end of what was read
    private bool _eof;
    private char _marker;  // handed out before _pos when set

    // The record being scanned, from _ready.
    private int _scan;
    private bool _quoted;
    private int _breaksInQuotes;
    private int _firstBreak = -1; // where the record's first line ends, once a quoted line break was seen
    private int _firstBreakEnd;

    // A line to divert once everything before it has been handed out.
    private DivertReason? _divert;
    private string _divertDetail = "";
    private int _divertBreak = -1; // the line's break, or -1 when not read yet (a too-long line)
    private int _divertBreakEnd;

    // Reading past a too-long line.
    private bool _discarding;
    private long _discarded;
    private readonly byte[] _discardHead = new byte[HeadLimit];
    private int _discardHeadLength;
    private string _discardDetail = "";

    /// <param name="fields">Fields of a record: a record spanning lines with another count started with a stray quote.</param>
    /// <param name="maxLines">Physical lines one record may span.</param>
    /// <param name="maxBytes">Bytes (chars) one record may hold, line breaks inside quotes included.</param>
    public BoundedRecordReader(TextReader inner, char delimiter, int fields, int maxLines, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _inner = inner;
        _delimiter = delimiter;
        _fields = fields;
        _maxLines = maxLines;
        _maxChars = maxBytes;
    }

    /// <summary>The next diverted line, in the order their marker rows were handed out.</summary>
    public DivertedLine TakeDiverted() =>
        _diverted.TryDequeue(out var line) ? line : throw new InvalidOperationException("a marker row was read, but no line was diverted");

    /// <summary>Whether a row the CSV reader split is a marker row (its first char is outside Latin-1).</summary>
    public static bool IsMarker(ReadOnlySpan<char> row) => row.Length > 0 && row[0] > '\u00FF';

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_marker != '\0')
            {
                buffer[written++] = _marker;
                _marker = '\0';
                continue;
            }
            if (_pos < _ready)
            {
                var n = Math.Min(buffer.Length - written, _ready - _pos);
                _buffer.AsSpan(_pos, n).CopyTo(buffer[written..]);
                _pos += n;
                written += n;
                continue;
            }
            if (written > 0 || !Produce()) break;
        }
        return written;
    }

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public override int Peek()
    {
        if (_marker != '\0') return _marker;
        if (_pos < _ready || Produce()) return _marker != '\0' ? _marker : _buffer[_pos];
        return -1;
    }

    /// <summary>Makes something ready to hand out (a marker or released text); false at the end of the input.</summary>
    private bool Produce()
    {
        while (true)
        {
            if (_divert is { } reason)
            {
                Divert(reason);
                if (_marker != '\0' || _pos < _ready) return true;
                continue;
            }
            if (_discarding)
            {
                if (Discard()) return true;
            }
            else
            {
                Advance();
                if (_pos < _ready) return true;
                if (_divert is not null) continue;
                if (_eof)
                {
                    if (!Finish()) return false;
                    continue;
                }
                if (_end - _ready > _maxChars)
                {
                    // Held too long: a single line is too long, a record spanning lines has an unclosed quote.
                    if (_firstBreak < 0) DivertLater(DivertReason.TooLong, TooLongDetail(), -1, -1);
                    else DivertLater(DivertReason.UnclosedQuote, $"a quote opened on this line is still open after {_maxChars} bytes (max_record_bytes)", _firstBreak, _firstBreakEnd);
                    continue;
                }
            }
            Fill();
        }
    }

    /// <summary>Scans what was read, releasing whole records up to the first line to divert or the end of the data.</summary>
    private void Advance()
    {
        var end = ScanEnd();
        while (_scan < end)
        {
            if (!_quoted && _firstBreak < 0)
            {
                // Outside quotes on a record's first line: every line break before the next quote ends a record.
                var rest = _buffer.AsSpan(_scan, end - _scan);
                var quote = rest.IndexOf('"');
                var lastBreak = (quote < 0 ? rest : rest[..quote]).LastIndexOfAny('\r', '\n');
                if (lastBreak >= 0)
                {
                    var recordsEnd = _scan + lastBreak + 1;
                    if (recordsEnd - _ready > _maxChars && DivertLongLine(recordsEnd)) return;
                    _ready = recordsEnd;
                }
                if (quote < 0)
                {
                    _scan = end;
                    return;
                }
                _scan += quote;
            }
            var found = _buffer.AsSpan(_scan, end - _scan).IndexOfAny('"', '\r', '\n');
            if (found < 0)
            {
                _scan = end;
                return;
            }
            var at = _scan + found;
            if (_buffer[at] == '"')
            {
                _quoted = !_quoted;
                _scan = at + 1;
                continue;
            }
            var breakEnd = BreakEnd(at);
            _scan = breakEnd;
            if (_quoted)
            {
                if (_firstBreak < 0)
                {
                    _firstBreak = at;
                    _firstBreakEnd = breakEnd;
                }
                if (++_breaksInQuotes >= _maxLines)
                {
                    DivertLater(DivertReason.UnclosedQuote, $"a quote opened on this line is still open after {_maxLines} lines (max_record_lines)", _firstBreak, _firstBreakEnd);
                    return;
                }
                continue;
            }
            if (!RecordEnds(at, breakEnd)) return;
        }
    }

    /// <summary>The record from <see cref="_ready"/> ends at a line break outside quotes: releases it, or marks its first line for diverting.</summary>
    private bool RecordEnds(int breakAt, int breakEnd)
    {
        if (_firstBreak >= 0)
        {
            var fields = FieldCount(_ready, breakAt);
            if (fields != _fields)
            {
                DivertLater(DivertReason.UnclosedQuote,
                    $"a quote opened on this line closes {_breaksInQuotes} line(s) later into a record of {fields} fields, expected {_fields}", _firstBreak, _firstBreakEnd);
                return false;
            }
            if (breakAt - _ready > _maxChars)
            {
                DivertLater(DivertReason.UnclosedQuote, $"the quoted record starting on this line is longer than {_maxChars} bytes (max_record_bytes)", _firstBreak, _firstBreakEnd);
                return false;
            }
        }
        else if (breakAt - _ready > _maxChars)
        {
            DivertLater(DivertReason.TooLong, TooLongDetail(), breakAt, breakEnd);
            return false;
        }
        _ready = breakEnd;
        ResetRecord(breakEnd);
        return true;
    }

    /// <summary>Quote-free lines from <see cref="_ready"/> to <paramref name="linesEnd"/> span more than a record may hold: finds the one too long, if any.</summary>
    private bool DivertLongLine(int linesEnd)
    {
        var start = _ready;
        while (start < linesEnd)
        {
            var at = start + _buffer.AsSpan(start, linesEnd - start).IndexOfAny('\r', '\n');
            var breakEnd = BreakEnd(at);
            if (at - start > _maxChars)
            {
                _ready = start;
                ResetRecord(start);
                DivertLater(DivertReason.TooLong, TooLongDetail(), at, breakEnd);
                return true;
            }
            start = breakEnd;
        }
        return false;
    }

    /// <summary>The end of the data that can be judged: a CR at the very end waits for the next read (a LF would belong to it).</summary>
    private int ScanEnd() => !_eof && _end > _scan && _buffer[_end - 1] == '\r' ? _end - 1 : _end;

    private int BreakEnd(int at) => _buffer[at] == '\r' && at + 1 < _end && _buffer[at + 1] == '\n' ? at + 2 : at + 1;

    private int FieldCount(int start, int end)
    {
        var count = 1;
        var quoted = false;
        var span = _buffer.AsSpan(start, end - start);
        while (span.IndexOfAny('"', _delimiter) is var i and >= 0)
        {
            if (span[i] == '"') quoted = !quoted;
            else if (!quoted) count++;
            span = span[(i + 1)..];
        }
        return count;
    }

    private string TooLongDetail() => $"the line is longer than {_maxChars} bytes (max_record_bytes)";

    private void DivertLater(DivertReason reason, string detail, int breakAt, int breakEnd)
    {
        _divert = reason;
        _divertDetail = detail;
        _divertBreak = breakAt;
        _divertBreakEnd = breakEnd;
    }

    /// <summary>Replaces the line at <see cref="_ready"/> (everything before it handed out) by its marker and scans on after it.</summary>
    private void Divert(DivertReason reason)
    {
        _divert = null;
        var start = _ready;
        if (_divertBreak < 0)
        {
            // A line too long to hold: read past it, keeping its head.
            _discarding = true;
            _discarded = 0;
            _discardHeadLength = 0;
            _discardDetail = _divertDetail;
            ResetRecord(start);
            return;
        }
        _diverted.Enqueue(new DivertedLine(reason, _divertDetail, _divertBreak - start, Head(start, _divertBreak)));
        _marker = reason == DivertReason.UnclosedQuote ? UnclosedQuoteMarker : TooLongMarker;
        _pos = _divertBreak;
        _ready = _divertBreakEnd;
        ResetRecord(_divertBreakEnd);
    }

    /// <summary>Reads past a too-long line up to its line break; true once its marker is ready.</summary>
    private bool Discard()
    {
        var end = ScanEnd();
        var found = _buffer.AsSpan(_scan, end - _scan).IndexOfAny('\r', '\n');
        if (found < 0)
        {
            KeepHead(end);
            _discarded += end - _scan;
            _pos = _ready = _scan = end;
            if (!_eof) return false;
            EndDiscard(end, end);
            return true;
        }
        var at = _scan + found;
        KeepHead(at);
        _discarded += found;
        EndDiscard(at, BreakEnd(at));
        return true;
    }

    /// <summary>Keeps the chars from <see cref="_scan"/> to <paramref name="end"/> while the head of the discarded line is not full.</summary>
    private void KeepHead(int end)
    {
        var n = Math.Min(end - _scan, HeadLimit - _discardHeadLength);
        for (var i = 0; i < n; i++) _discardHead[_discardHeadLength + i] = (byte)_buffer[_scan + i];
        _discardHeadLength += n;
    }

    private void EndDiscard(int breakAt, int breakEnd)
    {
        _discarding = false;
        _diverted.Enqueue(new DivertedLine(DivertReason.TooLong, _discardDetail, _discarded, _discardHead.AsSpan(0, _discardHeadLength).ToArray()));
        _marker = TooLongMarker;
        _pos = breakAt;
        _ready = breakEnd;
        ResetRecord(breakEnd);
    }

    /// <summary>At the end of the input: the last record has no line break.</summary>
    private bool Finish()
    {
        if (_ready == _end) return false;
        if (_quoted && _firstBreak >= 0)
        {
            DivertLater(DivertReason.UnclosedQuote, "a quote opened on this line is not closed before the end of the file", _firstBreak, _firstBreakEnd);
            return true;
        }
        RecordEnds(_end, _end);
        return true;
    }

    private void ResetRecord(int start)
    {
        _scan = start;
        _quoted = false;
        _breaksInQuotes = 0;
        _firstBreak = -1;
    }

    private byte[] Head(int start, int end)
    {
        var length = Math.Min(end - start, HeadLimit);
        var head = new byte[length];
        for (var i = 0; i < length; i++) head[i] = (byte)_buffer[start + i];
        return head;
    }

    /// <summary>Drops what was handed out and reads more; called only when nothing is ready.</summary>
    private void Fill()
    {
        if (_pos > 0)
        {
            var shift = _pos;
            Array.Copy(_buffer, shift, _buffer, 0, _end - shift);
            _end -= shift;
            _ready -= shift;
            _scan -= shift;
            if (_firstBreak >= 0)
            {
                _firstBreak -= shift;
                _firstBreakEnd -= shift;
            }
            _pos = 0;
        }
        if (_buffer.Length - _end < ReadSize / 2) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _inner.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
