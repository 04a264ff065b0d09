using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Rejects;
using Migrate.Core.Text;
using Migrate.Core.Work;
using Migrate.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Extract;

/// <summary>
/// <c>format: fixed</c>: a fixed-width legacy file (mainframe and COBOL-era exports). Records end
/// with CR LF or LF, or have no separator and exactly <see cref="FixedLayout.RecordLength"/> bytes.
/// Fields are cut at byte offsets of the source encoding before decoding; a field that ends inside a
/// multi-byte character is rejected (<c>fixed.split-character</c>), as is a record of the wrong
/// length (<c>fixed.record-length</c>). A first record that does not decode stops the extract with
/// the likely encoding.
/// </summary>
internal sealed class FixedWidthFormat : ISourceFormat
{
    private const int BufferSize = 1 << 16;

    public const string FormatName = "Fixed";

    public string Name => FormatName;

    public IReadOnlyList<string> Keys { get; } = ["fixed"];

    public bool ReadsFile => true;

    /// <summary><c>file</c>, <c>encoding</c> and the record layout (<see cref="FixedLayoutReader"/>), whose fields are the columns.</summary>
    public SourceDefinition ReadDefinition(YamlFile yaml, string id, string key, YamlMappingNode source)
    {
        var encoding = FileSourceKeys.ReadEncoding(yaml, id, source);
        return FileSourceKeys.Confined(yaml, source, FixedLayoutReader.Read(yaml, id, source, encoding));
    }

    public Task<ISourceReader> OpenAsync(SourceDefinition source, SourceLocation location, WorkDirectory work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var layout = source.Options as FixedLayout ?? throw new ArgumentException($"source '{source.Id}' has no fixed-width layout", nameof(source));
        var path = location is FileLocation file ? file.Path : throw new ArgumentException($"source '{source.Id}' is read from a file", nameof(location));
        LegacyFile.RequireRegular(path, source);
        return Task.FromResult<ISourceReader>(new Reader(source, layout, path));
    }

    /// <summary>The field's bytes of the rejected record, at the layout's offsets.</summary>
    public string? Recover(RejectRecord reject, SourceDefinition source, string column)
    {
        ArgumentNullException.ThrowIfNull(reject);
        ArgumentNullException.ThrowIfNull(source);
        if (reject.RawHex is null || (source.Options as FixedLayout)?.Fields.FirstOrDefault(x => x.Name == column) is not { } field) return null;
        var raw = Convert.FromHexString(reject.RawHex);
        return field.Offset + field.Length > raw.Length ? null : RecoveredValue.Ascii(raw.AsSpan(field.Offset, field.Length));
    }

    private sealed class Reader(SourceDefinition source, FixedLayout layout, string path) : ISourceReader
    {
        private readonly FieldDecoder _decoder = new(LegacyEncodings.Strict(source.Encoding), source.Encoding);
        private readonly FileStream _input = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        private readonly EncodingSample _sample = new(Path.GetFileName(path), source.Encoding);
        private RecordReader? _records;
        private long _number;

        public string Name { get; } = Path.GetFileName(path);

        public long Position { get; private set; }

        public bool MayHoldLoneSurrogates => false;

        public ValueTask<bool> ReadAsync(SourceRecord record, CancellationToken cancellationToken) => new(Read(record));

        private bool Read(SourceRecord record)
        {
            var reader = _records ??= new RecordReader(_input, layout);
            if (reader.Next() is not { } bytes) return false;
            var number = ++_number;
            var offset = reader.RecordOffset;
            record.Clear();
            record.Line = number;
            record.Offset = offset;
            Position = offset;
            var reasons = record.Reasons;
            if (reader.SeparatorProblem is { } separatorProblem)
                reasons.Add(new RejectReason(ErrorCodes.FixedRecordLength, $"record {number}: {separatorProblem}", null, null));
            else if (bytes.Length != layout.RecordLength)
                reasons.Add(new RejectReason(ErrorCodes.FixedRecordLength,
                    $"record {number} (byte offset {offset}) has {bytes.Length} bytes, expected {layout.RecordLength}", null, null));
            else
                ReadFields(bytes.Span, number, offset, record.Values, reasons);
            if (_sample.Open)
            {
                var undecodable = reasons.Find(r => r.Code == ErrorCodes.EncodingInvalid)?.Message;
                _sample.Add(undecodable, undecodable is null ? default : bytes.Span);
            }
            if (reasons.Count > 0) record.RawHex = Convert.ToHexString(bytes.Span);
            return true;
        }

        public void Finish()
        {
            if (_sample.Open) _sample.Judge();
            Position = _input.Length;
        }

        public SourceOrigin Origin() => new(Name, FileHash.Sha256(path), new FileInfo(path).Length, source.Encoding);

        public ValueTask DisposeAsync() => _input.DisposeAsync();

        private void ReadFields(ReadOnlySpan<byte> record, long number, long offset, string[] values, List<RejectReason> reasons)
        {
            // Wrong encodings are recognized on the first record's text fields (packed fields hold any byte).
            if (number == 1)
            {
                foreach (var field in layout.Fields)
                {
                    if (field.Type is FixedFieldType.Text or FixedFieldType.EraDate
                        && EncodingGuess.Mismatch(record.Slice(field.Offset, field.Length), source.Encoding, 1, field.Offset) is { } mismatch)
                        throw MigrateException.DataError($"{Name}: {mismatch} (field {field.Name})");
                }
            }
            for (var i = 0; i < layout.Fields.Count; i++)
            {
                var field = layout.Fields[i];
                var bytes = record.Slice(field.Offset, field.Length);
                Problem? problem;
                string value;
                switch (field.Type)
                {
                    case FixedFieldType.Zoned:
                        problem = FixedNumbers.TryZoned(bytes, field.Scale, out value);
                        break;
                    case FixedFieldType.Packed:
                        problem = FixedNumbers.TryPacked(bytes, field.Scale, out value);
                        break;
                    default:
                        if (CharacterBoundaries.Overrun(source.Encoding, bytes) > 0)
                        {
                            reasons.Add(new RejectReason(ErrorCodes.FixedSplitCharacter,
                                $"{Name} record {number}, byte offset {offset + field.End} (byte {field.End} of the record): field {field.Name} (bytes {field.Offset}–{field.End - 1}) ends inside a double-byte character; check the field's offset and length in the layout ({field.Position})",
                                null, field.Name));
                            values[i] = "";
                            continue;
                        }
                        if (!_decoder.TryDecode(bytes, out value, out problem))
                        {
                            if (number == 1) throw WrongEncoding(record, field, problem);
                            break;
                        }
                        // Trailing half-width spaces are the layout's padding, not data.
                        value = value.TrimEnd(' ');
                        break;
                }
                if (problem is not null)
                {
                    reasons.Add(new RejectReason(problem.Code, $"record {number}, field {field.Name} (bytes {field.Offset}–{field.End - 1}): {problem.Message}", null, field.Name));
                    values[i] = "";
                    continue;
                }
                values[i] = value;
            }
        }

        private MigrateException WrongEncoding(ReadOnlySpan<byte> record, FixedField field, Problem problem)
        {
            var suggestion = EncodingGuess.Suggest(record, source.Encoding);
            var hint = suggestion is null ? "check the 'encoding' of the source in the mapping" : $"is the file {LegacyEncodings.DisplayName(suggestion)}?";
            return MigrateException.DataError($"{Name}: line 1 is not valid {LegacyEncodings.DisplayName(source.Encoding)} in field {field.Name} (bytes {field.Offset}–{field.End - 1}): {problem.Message}; {hint}");
        }
    }

    /// <summary>
    /// Reads records as byte slices: up to each LF (CR LF or LF), or fixed-length blocks when there is
    /// no separator. A trailing DOS end-of-file mark (0x1A) and empty lines are skipped.
    /// </summary>
    private sealed class RecordReader(Stream input, FixedLayout layout)
    {
        private byte[] _buffer = new byte[BufferSize];
        private int _start;
        private int _end;
        private bool _eof;
        private long _position;

        public long RecordOffset { get; private set; }
        public string? SeparatorProblem { get; private set; }

        public ReadOnlyMemory<byte>? Next()
        {
            SeparatorProblem = null;
            while (true)
            {
                RecordOffset = _position;
                if (layout.Separator == RecordSeparator.None)
                {
                    if (!Fill(layout.RecordLength))
                    {
                        // A short last block is a record of the wrong length; an empty one or a DOS EOF mark is the end.
                        var tail = Take(_end - _start, 0);
                        if (tail.Length == 0 || IsEofMark(tail.Span)) return null;
                        return tail;
                    }
                    return Take(layout.RecordLength, 0);
                }
                var newline = FindNewline();
                if (newline < 0)
                {
                    if (_start == _end) return null;
                    var last = Take(_end - _start, 0);
                    if (IsEofMark(last.Span)) return null;
                    return last;
                }
                var length = newline - _start;
                var hasCr = length > 0 && _buffer[newline - 1] == (byte)'\r';
                var record = Take(hasCr && layout.Separator != RecordSeparator.Lf ? length - 1 : length, hasCr && layout.Separator != RecordSeparator.Lf ? 2 : 1);
                if (record.Length == 0) continue;
                if (layout.Separator == RecordSeparator.CrLf && !hasCr)
                    SeparatorProblem = $"record at byte offset {RecordOffset} ends with LF only, but the mapping says separator: crlf";
                return record;
            }
        }

        private static bool IsEofMark(ReadOnlySpan<byte> span) => span is [0x1A];

        private ReadOnlyMemory<byte> Take(int length, int separator)
        {
            var record = _buffer.AsMemory(_start, length).ToArray();
            _start += length + separator;
            _position += length + separator;
            return record;
        }

        private int FindNewline()
        {
            var searched = 0;
            while (true)
            {
                var index = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
                if (index >= 0) return _start + searched + index;
                searched = _end - _start;
                if (!Fill(searched + 1)) return -1;
            }
        }

        /// <summary>Makes at least <paramref name="count"/> bytes available from the current start, or returns false at end of file.</summary>
        private bool Fill(int count)
        {
            while (_end - _start < count)
            {
                if (_eof) return false;
                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }
                if (_end == _buffer.Length || count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, count));
                var read = input.Read(_buffer, _end, _buffer.Length - _end);
                if (read == 0) _eof = true;
                _end += read;
            }
            return true;
        }
    }
}
