using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Rejects;
using Migrate.Core.Text;
using Migrate.Core.Work;
using Migrate.Core.Yaml;
using nietras.SeparatedValues;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Extract;

/// <summary>
/// <c>format: csv</c> / <c>tsv</c>: a delimited legacy file. Every record is read or rejected
/// (undecodable bytes, wrong field count, broken quoting) with its line and byte offset. A file
/// whose header or first record does not decode at all stops with a message that names the likely
/// encoding instead of rejecting every row.
/// </summary>
internal sealed class DelimitedFormat : ISourceFormat
{
    public const string FormatName = "Delimited";

    public string Name => FormatName;

    public IReadOnlyList<string> Keys { get; } = ["csv", "tsv"];

    public bool ReadsFile => true;

    /// <summary><c>file</c>, <c>encoding</c>, <c>columns</c>, <c>delimiter</c> (by default a comma, a tab for <c>tsv</c>), <c>header</c> and the record bounds.</summary>
    public SourceDefinition ReadDefinition(YamlFile yaml, string id, string key, YamlMappingNode source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var encoding = FileSourceKeys.ReadEncoding(yaml, id, source);
        yaml.AllowOnly(source, "file", ConfinedPath.AllowKey, "format", "encoding", "delimiter", "header", "columns", "max_record_lines", "max_record_bytes");
        var delimiterText = yaml.String(source, "delimiter") ?? (key == "tsv" ? "\t" : ",");
        if (delimiterText.Length != 1)
            throw yaml.Error(yaml.Require(source, "delimiter"), $"source '{id}': the delimiter must be one character");
        var columns = yaml.StringList(source, "columns");
        if (columns.Count == 0) throw yaml.Error(source, $"source '{id}': list its columns under 'columns'");
        var duplicate = columns.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw yaml.Error(yaml.Require(source, "columns"), $"source '{id}': column '{duplicate.Key}' is listed twice");
        var file = yaml.RequireString(source, "file");
        var options = new DelimitedOptions(delimiterText[0], yaml.Bool(source, "header", true))
        {
            MaxRecordLines = Bounded(yaml, source, id, "max_record_lines", DelimitedOptions.DefaultMaxRecordLines, DelimitedOptions.MaxMaxRecordLines),
            MaxRecordBytes = Bounded(yaml, source, id, "max_record_bytes", DelimitedOptions.DefaultMaxRecordBytes, DelimitedOptions.MaxMaxRecordBytes),
        };
        return FileSourceKeys.Confined(yaml, source, new SourceDefinition(id, file, FormatName, encoding, columns, yaml.Position(source), options));
    }

    /// <summary>A record bound: a whole number from 1 to <paramref name="max"/>.</summary>
    private static int Bounded(YamlFile yaml, YamlMappingNode source, string id, string key, int defaultValue, int max)
    {
        if (yaml.Int(source, key) is not { } value) return defaultValue;
        return value >= 1 && value <= max
            ? value
            : throw yaml.Error(yaml.Require(source, key), $"source '{id}': '{key}' must be from 1 to {max}, not {value}");
    }

    public async Task<ISourceReader> OpenAsync(SourceDefinition source, SourceLocation location, WorkDirectory work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(work);
        var options = Options(source);
        var sourcePath = location is FileLocation file ? file.Path : throw new ArgumentException($"source '{source.Id}' is read from a file", nameof(location));
        LegacyFile.RequireRegular(sourcePath, source);
        if (!LegacyEncodings.IsUtf16(source.Encoding)) return new Reader(source, options, sourcePath, sourcePath, source.Encoding, copy: null);

        // UTF-16 is transcoded to a UTF-8 copy first (same lines, same records); the copy's byte
        // offsets are what _offset holds for such a source.
        var copy = Path.Combine(work.StagingDirectory, source.Id + ".utf8.tmp");
        try
        {
            await Utf16Transcoder.TranscodeAsync(sourcePath, source.Encoding, copy, cancellationToken);
            return new Reader(source, options, sourcePath, copy, "utf-8", copy);
        }
        catch
        {
            File.Delete(copy);
            throw;
        }
    }

    /// <summary>
    /// The fields of a delimited file's first record, decoded as extraction decodes them (for
    /// <c>migrate init</c>, which takes them for the header or counts the columns); null for a file
    /// without records.
    /// </summary>
    public static async Task<FirstRecord?> ReadFirstRecordAsync(string path, string encoding, char delimiter, WorkDirectory work, CancellationToken cancellationToken)
    {
        // One provisional column: the reader is only asked for the first row's fields.
        var probe = new SourceDefinition("first-record", Path.GetFileName(path), FormatName, encoding, [""], new SourcePosition(path, 1, 1), new DelimitedOptions(delimiter, Header: false));
        await using var reader = (Reader)await new DelimitedFormat().OpenAsync(probe, new FileLocation(path), work, cancellationToken);
        return reader.FirstRecord();
    }

    /// <summary>The column's field of the rejected line, split at delimiters outside quotes as the reader splits them.</summary>
    public string? Recover(RejectRecord reject, SourceDefinition source, string column)
    {
        ArgumentNullException.ThrowIfNull(reject);
        ArgumentNullException.ThrowIfNull(source);
        if (reject.RawHex is null) return null;
        var raw = Convert.FromHexString(reject.RawHex);
        var index = -1;
        for (var i = 0; i < source.Columns.Count; i++)
            if (source.Columns[i] == column) index = i;
        return index >= 0 && TryField(raw, (byte)Options(source).Delimiter, index, out var field) ? RecoveredValue.Ascii(field) : null;
    }

    private static DelimitedOptions Options(SourceDefinition source) =>
        source.Options as DelimitedOptions ?? throw new ArgumentException($"source '{source.Id}' is not a delimited source", nameof(source));

    private static bool TryField(byte[] raw, byte delimiter, int index, out ReadOnlySpan<byte> field)
    {
        int current = 0, start = 0;
        var quoted = false;
        for (var i = 0; i <= raw.Length; i++)
        {
            var end = i == raw.Length || (!quoted && (raw[i] == delimiter || raw[i] == '\r' || raw[i] == '\n'));
            if (!end)
            {
                if (raw[i] == '"') quoted = !quoted;
                continue;
            }
            if (current == index)
            {
                field = raw.AsSpan(start, i - start);
                return true;
            }
            if (i == raw.Length || raw[i] != delimiter) break;
            current++;
            start = i + 1;
        }
        field = default;
        return false;
    }

    /// <summary>
    /// The record loop, synchronous on purpose (see <see cref="ISourceReader.ReadAsync"/>). Sep splits
    /// the records (about 15× faster than CsvHelper on a CP932 export); it does not judge quoting, so
    /// <see cref="QuotedField"/> checks every field.
    /// </summary>
    private sealed class Reader : ISourceReader
    {
        private readonly SourceDefinition _source;
        private readonly DelimitedOptions _options;
        private readonly string _sourcePath;
        private readonly string _encoding;
        private readonly string? _copy;
        private readonly long _bytes;
        private readonly FieldDecoder _decoder;
        private readonly FileStream _input;
        private readonly LineStarts _lineStarts;
        private readonly BoundedRecordReader _lines;
        private readonly SepReader _rows;
        private readonly RepeatedFields<char, string> _repeated;
        private readonly EncodingSample _sample;
        private char[] _scratch = new char[256];
        private bool _first = true;
        private long _records;

        /// <param name="readPath">The file read: the legacy file, or its UTF-8 copy (<paramref name="copy"/>, deleted on dispose).</param>
        /// <param name="encoding">The encoding of <paramref name="readPath"/>.</param>
        public Reader(SourceDefinition source, DelimitedOptions options, string sourcePath, string readPath, string encoding, string? copy)
        {
            _source = source;
            _options = options;
            _sourcePath = sourcePath;
            _encoding = encoding;
            _copy = copy;
            Name = Path.GetFileName(sourcePath);
            _decoder = new FieldDecoder(LegacyEncodings.Strict(encoding), encoding);
            _bytes = new FileInfo(readPath).Length;
            _repeated = new RepeatedFields<char, string>(source.Columns.Count);
            _sample = new EncodingSample(Name, encoding);
            _input = new FileStream(readPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            try
            {
                var bomLength = SkipUtf8Bom(_input, encoding, Name);
                _lineStarts = new LineStarts(readPath, bomLength);
                var text = new StreamReader(_input, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, 1 << 16);
                _lines = new BoundedRecordReader(text, options.Delimiter, source.Columns.Count, options.MaxRecordLines, options.MaxRecordBytes);
                _rows = Sep.New(options.Delimiter).Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(_lines);
            }
            catch
            {
                _lines?.Dispose();
                _lineStarts?.Dispose();
                _input.Dispose();
                if (copy is not null) File.Delete(copy);
                throw;
            }
        }

        public string Name { get; }

        public long Position { get; private set; }

        public bool MayHoldLoneSurrogates => false;

        public ValueTask<bool> ReadAsync(SourceRecord record, CancellationToken cancellationToken) => new(Read(record));

        private bool Read(SourceRecord record)
        {
            var columns = _source.Columns;
            var values = record.Values;
            var reasons = record.Reasons;
            while (_rows.MoveNext())
            {
                var row = _rows.Current;
                // A blank line is no record (as CsvHelper's IgnoreBlankLines had it).
                if (row.Span.IsEmpty) continue;
                // Sep 0.17 reports the first row's LineNumberFrom as its end line; the first row starts on line 1.
                var line = row.RowIndex == 0 ? 1L : row.LineNumberFrom;
                var offset = _lineStarts.OffsetOf(line);

                if (BoundedRecordReader.IsMarker(row.Span))
                {
                    // A line the reader took away: an unclosed quote or a line over max_record_bytes.
                    var diverted = _lines.TakeDiverted();
                    if (_first && _options.Header)
                        throw MigrateException.DataError($"{Name}:{line}: the header line cannot be read: {diverted.Detail}");
                    _first = false;
                    _records++;
                    Start(record, line, offset);
                    record.Reject(DivertedReason(diverted, line), diverted.Head);
                    return true;
                }
                if (_records == 0 && EncodingGuess.Mismatch(Latin1Bytes(row.Span), _encoding, line) is { } mismatch)
                    throw MigrateException.DataError($"{Name}: {mismatch}");
                if (_first && _options.Header)
                {
                    _first = false;
                    CheckHeader(row, line);
                    continue;
                }

                _records++;
                Start(record, line, offset);
                string? badQuote = null;
                string? undecodable = null;
                if (row.ColCount != columns.Count)
                    reasons.Add(new RejectReason(ErrorCodes.CsvColumnCount, $"line {line}: {row.ColCount} fields, expected {columns.Count}", null, null));

                var fields = Math.Min(row.ColCount, values.Length);
                // Most legacy records hold no quote at all: one scan of the record instead of one per field.
                var quoted = row.Span.Contains('"');
                for (var i = 0; i < fields; i++)
                {
                    scoped ReadOnlySpan<char> raw;
                    if (!quoted) raw = row[i].Span;
                    else if (QuotedField.Unquote(row[i].Span, ref _scratch, out raw) is { } quoting)
                    {
                        badQuote ??= $"{quoting} (column {i + 1})";
                        continue;
                    }
                    if (_repeated.TryGet(i, raw, out var value))
                    {
                        values[i] = value;
                        continue;
                    }
                    if (_decoder.TryDecode(raw, out value, out var problem))
                    {
                        values[i] = value;
                        _repeated.Set(i, raw, value);
                        continue;
                    }
                    if (_first) throw WrongEncoding(row.Span, line, i, problem);
                    undecodable ??= $"line {line}, column {i + 1}: {problem.Message}";
                    reasons.Add(new RejectReason(problem.Code, $"line {line}, column {i + 1} ({columns[i]}): {problem.Message}", null, columns[i]));
                }
                _first = false;
                if (badQuote is not null)
                    reasons.Insert(0, new RejectReason(ErrorCodes.CsvBadQuote, $"line {line}: broken quoting: {badQuote}", null, null));

                if (_sample.Open) _sample.Add(undecodable, undecodable is null ? default : Latin1Bytes(row.Span));
                if (reasons.Count > 0)
                {
                    record.RawHex = Convert.ToHexString(Latin1Bytes(row.Span));
                    return true;
                }
                // Decoded CP932, EUC-JP and UTF-8 never yield a quote, comma, CR or LF the raw bytes lack.
                record.Unsplittable = !quoted && _options.Delimiter == ',';
                return true;
            }
            return false;
        }

        public void Finish()
        {
            if (_first && _options.Header)
                throw MigrateException.DataError($"{Name}: the file is empty, but the mapping ({_source.Position}) says it starts with a header line; is it the right file?");
            if (_sample.Open) _sample.Judge();
            Position = _bytes;
        }

        /// <summary>The first record's fields, whatever their number; quoting is judged as the record loop judges it.</summary>
        public FirstRecord? FirstRecord()
        {
            while (_rows.MoveNext())
            {
                var row = _rows.Current;
                if (row.Span.IsEmpty) continue;
                var line = row.RowIndex == 0 ? 1L : row.LineNumberFrom;
                if (BoundedRecordReader.IsMarker(row.Span))
                    throw MigrateException.DataError($"{Name}:{line}: the first line cannot be read: {_lines.TakeDiverted().Detail}");
                var fields = new string?[row.ColCount];
                var decodes = true;
                for (var i = 0; i < fields.Length; i++)
                {
                    if (QuotedField.Unquote(row[i].Span, ref _scratch, out var raw) is { } quoting)
                        throw MigrateException.DataError($"{Name}:{line}: the first line has broken quoting in column {i + 1}: {quoting}");
                    if (_decoder.TryDecode(raw, out var value, out _)) fields[i] = value;
                    else decodes = false;
                }
                return new FirstRecord(fields, decodes);
            }
            return null;
        }

        private void Start(SourceRecord record, long line, long offset)
        {
            record.Clear();
            record.Line = line;
            record.Offset = offset;
            Position = offset;
        }

        public SourceOrigin Origin() => _copy is null
            ? new SourceOrigin(Name, _lineStarts.Sha256(), _bytes, _encoding)
            : new SourceOrigin(Name, FileHash.Sha256(_sourcePath), new FileInfo(_sourcePath).Length, _source.Encoding);

        /// <summary>
        /// The reason for a line <see cref="BoundedRecordReader"/> took away: the line that opened a quote
        /// never closed (or closed into a record of the wrong field count), or a line over max_record_bytes.
        /// Raw bytes are the line's head only.
        /// </summary>
        private RejectReason DivertedReason(DivertedLine diverted, long line) =>
            diverted.Reason == DivertReason.UnclosedQuote
                ? new RejectReason(ErrorCodes.CsvUnclosedQuote, $"line {line}: {diverted.Detail}; the line is rejected and reading resumes at the next line", null, null)
                : new RejectReason(ErrorCodes.CsvRecordTooLong, $"line {line}: the line has {diverted.Length} bytes, more than max_record_bytes ({_options.MaxRecordBytes}); the line is rejected and reading resumes at the next line", null, null);

        /// <summary>The raw bytes of a record or field the reader split as Latin-1 (one char per byte).</summary>
        private static byte[] Latin1Bytes(ReadOnlySpan<char> latin1)
        {
            var bytes = new byte[latin1.Length];
            Encoding.Latin1.GetBytes(latin1, bytes);
            return bytes;
        }

        private static long SkipUtf8Bom(FileStream input, string encoding, string fileName)
        {
            Span<byte> head = stackalloc byte[3];
            var read = input.Read(head);
            if (read == 3 && head is [0xEF, 0xBB, 0xBF])
            {
                if (!encoding.StartsWith("utf", StringComparison.OrdinalIgnoreCase) && !encoding.Equals("utf8", StringComparison.OrdinalIgnoreCase))
                    throw MigrateException.DataError($"{fileName}: the file starts with a UTF-8 byte order mark, but the mapping says {LegacyEncodings.DisplayName(encoding)}; is the file UTF-8?");
                return 3;
            }
            input.Position = 0;
            return 0;
        }

        private void CheckHeader(SepReader.Row row, long line)
        {
            var columns = _source.Columns;
            var scratch = new char[64];
            for (var i = 0; i < row.ColCount; i++)
            {
                if (QuotedField.Unquote(row[i].Span, ref scratch, out var raw) is { } quoting)
                    throw MigrateException.DataError($"{Name}:{line}: the header has broken quoting in column {i + 1}: {quoting}");
                if (!_decoder.TryDecode(raw, out var name, out var problem))
                    throw WrongEncoding(row.Span, line, i, problem);
                if (i >= columns.Count)
                    throw MigrateException.DataError($"{Name}:{line}: the header has {row.ColCount} columns, but the mapping ({_source.Position}) lists {columns.Count}; extra column {i + 1} is {HeaderText.Shown(name)}");
                if (name.Trim() != columns[i])
                    throw MigrateException.DataError($"{Name}:{line}: header column {i + 1} is {HeaderText.Shown(name.Trim())}, but the mapping ({_source.Position}) expects '{columns[i]}'");
            }
            if (row.ColCount < columns.Count)
                throw MigrateException.DataError($"{Name}:{line}: the header has {row.ColCount} columns, but the mapping ({_source.Position}) lists {columns.Count}; missing '{columns[row.ColCount]}'");
        }

        private MigrateException WrongEncoding(ReadOnlySpan<char> record, long line, int field, Problem problem)
        {
            var raw = Latin1Bytes(record);
            var suggestion = EncodingGuess.Suggest(raw, _source.Encoding);
            var hint = suggestion is null ? "check the 'encoding' of the source in the mapping" : $"is the file {LegacyEncodings.DisplayName(suggestion)}?";
            return MigrateException.DataError($"{Name}: line {line} is not valid {LegacyEncodings.DisplayName(_source.Encoding)} in column {field + 1}: {problem.Message}; {hint}");
        }

        public ValueTask DisposeAsync()
        {
            _rows.Dispose();
            _lines.Dispose();
            _lineStarts.Dispose();
            _input.Dispose();
            if (_copy is not null) File.Delete(_copy);
            return ValueTask.CompletedTask;
        }
    }
}
