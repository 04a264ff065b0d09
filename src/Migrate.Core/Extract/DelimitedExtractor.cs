using System.Diagnostics;
using System.Text;
using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Rejects;
using Migrate.Core.Work;
using nietras.SeparatedValues;

namespace Migrate.Core.Extract;

/// <summary>
/// Extracts a delimited legacy file (CSV/TSV) into a UTF-8 staging file. Every record ends staged or
/// rejected (undecodable bytes, wrong field count, broken quoting) with its line and byte offset.
/// A file whose header or first record does not decode at all stops with a message that names the
/// likely encoding instead of rejecting every row.
/// </summary>
public sealed class DelimitedExtractor(SourceDefinition source, string sourcePath, WorkDirectory work) : ISourceExtractor
{
    public const string LineColumn = "_line";
    public const string OffsetColumn = "_offset";

    public async Task<ExtractResult> ExtractAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        LegacyFile.RequireRegular(sourcePath, source);
        if (!LegacyEncodings.IsUtf16(source.Encoding))
            return Extract(sourcePath, source.Encoding, progress, cancellationToken);

        // UTF-16 is transcoded to a UTF-8 copy first (same lines, same records); the copy's byte
        // offsets are what _offset holds for such a source.
        var clock = Stopwatch.StartNew();
        var copy = Path.Combine(work.StagingDirectory, source.Id + ".utf8.tmp");
        try
        {
            await Utf16Transcoder.TranscodeAsync(sourcePath, source.Encoding, copy, cancellationToken);
            var result = Extract(copy, "utf-8", progress, cancellationToken);
            return result with
            {
                File = Path.GetFileName(sourcePath),
                FileSha256 = FileHash.Sha256(sourcePath),
                Bytes = new FileInfo(sourcePath).Length,
                Encoding = source.Encoding,
                Seconds = clock.Elapsed.TotalSeconds,
            };
        }
        finally
        {
            File.Delete(copy);
        }
    }

    /// <summary>
    /// The record loop, synchronous on purpose: per-record async reads and writes of local files cost
    /// more than the parsing (measured with dotnet-trace), and the work is CPU-bound. Sep splits the
    /// records (about 15× faster than CsvHelper on a CP932 export); it does not judge quoting, so
    /// <see cref="QuotedField"/> checks every field.
    /// </summary>
    private ExtractResult Extract(string readPath, string encoding, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var fileName = Path.GetFileName(sourcePath);
        var decoder = new FieldDecoder(LegacyEncodings.Strict(encoding), encoding);
        var bytes = new FileInfo(readPath).Length;

        using var input = new FileStream(readPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var bomLength = SkipUtf8Bom(input, encoding, fileName);
        using var lineStarts = new LineStarts(readPath, bomLength);
        using var text = new StreamReader(input, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, 1 << 16);
        using var lines = new BoundedRecordReader(text, source.Delimiter, source.Columns.Count, source.MaxRecordLines, source.MaxRecordBytes);
        using var reader = Sep.New(source.Delimiter).Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).From(lines);

        long records = 0, staged = 0;
        using var rejects = new RejectWriter(work.ExtractRejects(source.Id));
        var staging = new StagingWriter(work, source);
        using (staging)
        {
            var values = new string[source.Columns.Count];
            var reasons = new List<RejectReason>();
            var scratch = new char[256];
            var repeated = new RepeatedFields<char, string>(values.Length);
            var sample = new EncodingSample(fileName, encoding);
            var first = true;
            foreach (var row in reader)
            {
                // A blank line is no record (as CsvHelper's IgnoreBlankLines had it).
                if (row.Span.IsEmpty) continue;
                cancellationToken.ThrowIfCancellationRequested();
                // Sep 0.17 reports the first row's LineNumberFrom as its end line; the first row starts on line 1.
                var line = row.RowIndex == 0 ? 1L : row.LineNumberFrom;
                var offset = lineStarts.OffsetOf(line);

                if (BoundedRecordReader.IsMarker(row.Span))
                {
                    // A line the reader took away: an unclosed quote or a line over max_record_bytes.
                    var diverted = lines.TakeDiverted();
                    if (first && source.Header)
                        throw MigrateException.DataError($"{fileName}:{line}: the header line cannot be read: {diverted.Detail}");
                    first = false;
                    records++;
                    rejects.Write(DivertedReject(diverted, fileName, line, offset));
                    continue;
                }
                if (records == 0 && EncodingGuess.Mismatch(Latin1Bytes(row.Span), encoding, line) is { } mismatch)
                    throw MigrateException.DataError($"{fileName}: {mismatch}");
                if (first && source.Header)
                {
                    first = false;
                    CheckHeader(row, decoder, fileName, line);
                    continue;
                }

                records++;
                reasons.Clear();
                string? badQuote = null;
                string? undecodable = null;
                if (row.ColCount != source.Columns.Count)
                    reasons.Add(new RejectReason(ErrorCodes.CsvColumnCount, $"line {line}: {row.ColCount} fields, expected {source.Columns.Count}", null, null));

                var fields = Math.Min(row.ColCount, values.Length);
                // Most legacy records hold no quote at all: one scan of the record instead of one per field.
                var quoted = row.Span.Contains('"');
                for (var i = 0; i < fields; i++)
                {
                    scoped ReadOnlySpan<char> raw;
                    if (!quoted) raw = row[i].Span;
                    else if (QuotedField.Unquote(row[i].Span, ref scratch, out raw) is { } quoting)
                    {
                        badQuote ??= $"{quoting} (column {i + 1})";
                        continue;
                    }
                    if (repeated.TryGet(i, raw, out var value))
                    {
                        values[i] = value;
                        continue;
                    }
                    if (decoder.TryDecode(raw, out value, out var problem))
                    {
                        values[i] = value;
                        repeated.Set(i, raw, value);
                        continue;
                    }
                    if (first) throw WrongEncoding(row.Span, fileName, line, i, problem!);
                    undecodable ??= $"line {line}, column {i + 1}: {problem!.Message}";
                    reasons.Add(new RejectReason(problem!.Code, $"line {line}, column {i + 1} ({source.Columns[i]}): {problem.Message}", null, source.Columns[i]));
                }
                first = false;
                if (badQuote is not null)
                    reasons.Insert(0, new RejectReason(ErrorCodes.CsvBadQuote, $"line {line}: broken quoting: {badQuote}", null, null));

                if (sample.Open) sample.Add(undecodable, undecodable is null ? default : Latin1Bytes(row.Span));
                if (reasons.Count > 0)
                {
                    rejects.Write(new RejectRecord("extract", source.Id, fileName, line, offset, [.. reasons], RawHex: Convert.ToHexString(Latin1Bytes(row.Span))));
                    continue;
                }

                // Decoded CP932, EUC-JP and UTF-8 never yield a quote, comma, CR or LF the raw bytes lack.
                staging.Write(line, offset, values, unsplittable: !quoted && source.Delimiter == ',');
                staged++;
                if ((records & 0x3FFF) == 0) progress?.Report(offset);
            }
            if (first && source.Header)
                throw MigrateException.DataError($"{fileName}: the file is empty, but the mapping ({source.Position}) says it starts with a header line; is it the right file?");
            if (sample.Open) sample.Judge();
        }
        progress?.Report(bytes);

        return new ExtractResult(source.Id, fileName, lineStarts.Sha256(), bytes, encoding, records, staged, rejects.Count,
            new Dictionary<string, long>(rejects.ByReason), work.Relative(staging.Path), staging.Sha256, clock.Elapsed.TotalSeconds) { Rejects = rejects.Complete(work) };
    }

    /// <summary>
    /// The reject for a line <see cref="BoundedRecordReader"/> took away: the line that opened a quote
    /// never closed (or closed into a record of the wrong field count), or a line over max_record_bytes.
    /// Raw bytes are the line's head only.
    /// </summary>
    private RejectRecord DivertedReject(DivertedLine diverted, string fileName, long line, long offset)
    {
        var reason = diverted.Reason == DivertReason.UnclosedQuote
            ? new RejectReason(ErrorCodes.CsvUnclosedQuote, $"line {line}: {diverted.Detail}; the line is rejected and reading resumes at the next line", null, null)
            : new RejectReason(ErrorCodes.CsvRecordTooLong, $"line {line}: the line has {diverted.Length} bytes, more than max_record_bytes ({source.MaxRecordBytes}); the line is rejected and reading resumes at the next line", null, null);
        return new RejectRecord("extract", source.Id, fileName, line, offset, [reason], RawHex: Convert.ToHexString(diverted.Head));
    }

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

    private void CheckHeader(SepReader.Row row, FieldDecoder decoder, string fileName, long line)
    {
        var scratch = new char[64];
        for (var i = 0; i < row.ColCount; i++)
        {
            if (QuotedField.Unquote(row[i].Span, ref scratch, out var raw) is { } quoting)
                throw MigrateException.DataError($"{fileName}:{line}: the header has broken quoting in column {i + 1}: {quoting}");
            if (!decoder.TryDecode(raw, out var name, out var problem))
                throw WrongEncoding(row.Span, fileName, line, i, problem!);
            if (i >= source.Columns.Count)
                throw MigrateException.DataError($"{fileName}:{line}: the header has {row.ColCount} columns, but the mapping ({source.Position}) lists {source.Columns.Count}; extra column {i + 1} is {HeaderText.Shown(name)}");
            if (name.Trim() != source.Columns[i])
                throw MigrateException.DataError($"{fileName}:{line}: header column {i + 1} is {HeaderText.Shown(name.Trim())}, but the mapping ({source.Position}) expects '{source.Columns[i]}'");
        }
        if (row.ColCount < source.Columns.Count)
            throw MigrateException.DataError($"{fileName}:{line}: the header has {row.ColCount} columns, but the mapping ({source.Position}) lists {source.Columns.Count}; missing '{source.Columns[row.ColCount]}'");
    }

    private MigrateException WrongEncoding(ReadOnlySpan<char> record, string fileName, long line, int field, Problem problem)
    {
        var raw = Latin1Bytes(record);
        var suggestion = EncodingGuess.Suggest(raw, source.Encoding);
        var hint = suggestion is null ? "check the 'encoding' of the source in the mapping" : $"is the file {LegacyEncodings.DisplayName(suggestion)}?";
        return MigrateException.DataError($"{fileName}: line {line} is not valid {LegacyEncodings.DisplayName(source.Encoding)} in column {field + 1}: {problem.Message}; {hint}");
    }
}
