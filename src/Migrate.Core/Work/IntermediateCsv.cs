using System.Buffers;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Migrate.Core.Work;

/// <summary>
/// The CSV of our own files: CsvHelper's defaults, with its quoting rule answered in one vectorized
/// scan per field instead of four. The rule is CsvHelper's own (quote a field that starts or ends
/// with a space or holds a quote, a comma, CR or LF), so the bytes written are the same; the default
/// took 6% of the map stage (perf). Join indexes are written with <see cref="Writer"/>; the staging
/// and mapped files, which every run writes in full, with <see cref="Utf8CsvWriter"/> (same bytes).
/// </summary>
public static class IntermediateCsv
{
    private static readonly SearchValues<char> NeedQuotes = SearchValues.Create("\",\r\n");

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        ShouldQuote = static args => ShouldQuote(args.Field),
    };

    public static CsvWriter Writer(TextWriter writer) => new(writer, Configuration);

    /// <summary>CsvHelper's default quoting rule for a comma-delimited file with its default line endings.</summary>
    public static bool ShouldQuote(string? field) =>
        !string.IsNullOrEmpty(field) && (field[0] == ' ' || field[^1] == ' ' || field.AsSpan().ContainsAny(NeedQuotes));

    /// <summary>The same rule for a field known to hold no quote, comma, CR or LF: only its ends are looked at.</summary>
    public static bool ShouldQuoteUnsplittable(string? field) =>
        !string.IsNullOrEmpty(field) && (field[0] == ' ' || field[^1] == ' ');
}
