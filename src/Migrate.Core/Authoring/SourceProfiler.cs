using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;

namespace Migrate.Core.Authoring;

/// <summary>
/// Streams a delimited legacy file once (or its first <c>sample</c> records) and profiles every
/// column. Without an encoding, it is detected (<see cref="EncodingDetector"/>) and a byte order mark is
/// never part of the first column's name. Decoding is strict, as in extract: a record that does not
/// decode or has the wrong number of fields is counted as unreadable, never guessed at.
/// </summary>
public static class SourceProfiler
{
    public static async Task<SourceProfile> ProfileAsync(string path, string? encoding, char delimiter, bool header, long? sample, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw MigrateException.Usage($"--source {path}: file not found");
        if (encoding is not null && !LegacyEncodings.IsKnown(encoding))
            throw MigrateException.Usage($"--encoding {encoding}: unknown encoding{Text.DidYouMean.Hint(encoding, LegacyEncodings.Names)}; use one of {string.Join(", ", LegacyEncodings.Names)}");
        var detected = EncodingDetector.Detect(path);
        var name = encoding ?? detected.Encoding;
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        // UTF-16 puts NUL bytes between the delimiters, so it is decoded before parsing (strictly: a bad
        // sequence fails the file); the byte encodings are parsed as bytes and decoded field by field.
        var utf16 = LegacyEncodings.IsUtf16(name);
        var decoder = utf16 ? null : new FieldDecoder(LegacyEncodings.Strict(name), name);
        if (encoding is null || LegacyEncodings.Normalize(name) == detected.Encoding) input.Seek(detected.BomLength, SeekOrigin.Begin);
        using var reader = utf16
            ? new StreamReader(input, LegacyEncodings.Strict(name), detectEncodingFromByteOrderMarks: false, 1 << 16)
            : new StreamReader(input, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, 1 << 16);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = false,
            Mode = CsvMode.RFC4180,
            BadDataFound = null,
            IgnoreBlankLines = true,
        };
        using var parser = new CsvParser(reader, config);

        List<ColumnProfiler>? columns = null;
        long records = 0, unreadable = 0;
        var values = new List<string>();
        while (await ReadAsync(parser, path, name))
        {
            cancellationToken.ThrowIfCancellationRequested();
            values.Clear();
            var ok = true;
            for (var i = 0; i < parser.Count; i++)
            {
                if (decoder is null) values.Add(parser[i]);
                else if (decoder.TryDecode(parser[i], out var value, out _)) values.Add(value);
                else ok = false;
            }
            if (columns is null)
            {
                if (!ok)
                    throw MigrateException.DataError($"{Path.GetFileName(path)}: the first line is not valid {LegacyEncodings.DisplayName(name)}"
                        + (detected.Encoding != LegacyEncodings.Normalize(name) ? $"; the file looks like {LegacyEncodings.DisplayName(detected.Encoding)}: give --encoding {detected.Encoding}, or leave --encoding out to use what is detected" : "; check --encoding"));
                columns = header
                    ? values.Select(v => new ColumnProfiler(v.Trim().TrimStart('\uFEFF'))).ToList()
                    : values.Select((_, i) => new ColumnProfiler("COL" + (i + 1).ToString(CultureInfo.InvariantCulture))).ToList();
                if (header) continue;
            }
            if (sample is { } limit && records >= limit) break;
            records++;
            if (!ok || values.Count != columns.Count)
            {
                unreadable++;
                continue;
            }
            for (var i = 0; i < values.Count; i++) columns[i].Add(values[i]);
        }
        return new SourceProfile(Path.GetFileName(path), LegacyEncodings.Normalize(name), delimiter, header, records, unreadable,
            (columns ?? []).Select(c => c.Result()).ToList());
    }

    /// <summary>The next record; a UTF-16 file that does not decode is a data error naming the file.</summary>
    private static async Task<bool> ReadAsync(CsvParser parser, string path, string encoding)
    {
        try
        {
            return await parser.ReadAsync();
        }
        catch (DecoderFallbackException)
        {
            throw MigrateException.DataError($"{Path.GetFileName(path)}: not valid {LegacyEncodings.DisplayName(encoding)} near record {parser.Row:N0}; check --encoding");
        }
    }
}
