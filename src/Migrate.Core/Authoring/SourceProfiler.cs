using System.Globalization;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Mapping;
using Migrate.Core.Text;

namespace Migrate.Core.Authoring;

/// <summary>
/// Profiles a delimited legacy file (or its first <c>sample</c> records) through the reader extraction
/// uses (<see cref="DelimitedFormat"/>): the columns are named by the header (or COL1…), and a record
/// extraction would reject (undecodable bytes, wrong field count, broken quoting) is counted as
/// unreadable, never guessed at. Without an encoding, it is detected (<see cref="EncodingDetector"/>)
/// and a byte order mark is never part of the first column's name.
/// </summary>
internal static class SourceProfiler
{
    public static async Task<SourceProfile> ProfileAsync(string path, string? encoding, char delimiter, bool header, long? sample, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) throw MigrateException.Usage($"--source {path}: file not found");
        if (encoding is not null && !LegacyEncodings.IsKnown(encoding))
            throw MigrateException.Usage($"--encoding {encoding}: unknown encoding{Text.DidYouMean.Hint(encoding, LegacyEncodings.Names)}; use one of {string.Join(", ", LegacyEncodings.Names)}");
        var detected = EncodingDetector.Detect(path);
        var name = encoding ?? detected.Encoding;
        var fileName = Path.GetFileName(path);
        return await RecordProfiler.WithScratchAsync(async work =>
        {
            var first = await DelimitedFormat.ReadFirstRecordAsync(path, name, delimiter, work, cancellationToken);
            var options = new DelimitedOptions(delimiter, header);
            if (first is null) return new SourceProfile(fileName, LegacyEncodings.Normalize(name), DelimitedFormat.FormatName, options, 0, 0, []);
            if (!first.Decodes)
                throw MigrateException.DataError($"{fileName}: the first line is not valid {LegacyEncodings.DisplayName(name)}"
                    + (detected.Encoding != LegacyEncodings.Normalize(name) ? $"; the file looks like {LegacyEncodings.DisplayName(detected.Encoding)}: give --encoding {detected.Encoding}, or leave --encoding out to use what is detected" : "; check --encoding"));

            // The reader checks the header against the columns as extraction does (trimmed).
            var columns = header
                ? first.Fields.Select(v => v!.Trim()).ToList()
                : first.Fields.Select((_, i) => "COL" + (i + 1).ToString(CultureInfo.InvariantCulture)).ToList();
            var names = columns.Select(c => c.TrimStart('\uFEFF')).ToList();
            var source = new SourceDefinition(Path.GetFileNameWithoutExtension(fileName), fileName, DelimitedFormat.FormatName, name, columns,
                new SourcePosition(path, 1, 1), options);
            var profile = await RecordProfiler.ProfileAsync(source, new FileLocation(path), names, work, sample, cancellationToken);
            return new SourceProfile(fileName, LegacyEncodings.Normalize(name), source.Format, options, profile.Records, profile.Unreadable, profile.Columns);
        });
    }
}
