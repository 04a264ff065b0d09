using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;

namespace Migrate.Core.Authoring;

/// <summary>
/// Streams a delimited legacy file once (or its first <c>sample</c> records) and profiles every
/// column. Decoding is strict, as in extract: a record that does not decode or has the wrong number
/// of fields is counted as unreadable, never guessed at.
/// </summary>
public static class SourceProfiler
{
    public static async Task<SourceProfile> ProfileAsync(string path, string encoding, char delimiter, bool header, long? sample, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw MigrateException.Usage($"--source {path}: file not found");
        if (!LegacyEncodings.IsKnown(encoding))
            throw MigrateException.Usage($"--encoding {encoding}: unknown encoding{Text.DidYouMean.Hint(encoding, LegacyEncodings.Names)}; use one of {string.Join(", ", LegacyEncodings.Names)}");
        var decoder = new FieldDecoder(LegacyEncodings.Strict(encoding), encoding);
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var reader = new StreamReader(input, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, 1 << 16);
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
        while (await parser.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            values.Clear();
            var ok = true;
            for (var i = 0; i < parser.Count; i++)
            {
                if (decoder.TryDecode(parser[i], out var value, out _)) values.Add(value);
                else ok = false;
            }
            if (columns is null)
            {
                if (!ok) throw MigrateException.DataError($"{Path.GetFileName(path)}: the first line is not valid {LegacyEncodings.DisplayName(encoding)}; check --encoding");
                columns = header
                    ? values.Select(v => new ColumnProfiler(v.Trim())).ToList()
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
        return new SourceProfile(Path.GetFileName(path), encoding, delimiter, header, records, unreadable,
            (columns ?? []).Select(c => c.Result()).ToList());
    }
}
