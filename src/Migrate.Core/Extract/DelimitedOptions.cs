using Migrate.Core.Mapping;

namespace Migrate.Core.Extract;

/// <summary>The options of a <c>format: csv</c> or <c>tsv</c> source.</summary>
internal sealed record DelimitedOptions(char Delimiter, bool Header) : SourceOptions
{
    /// <summary>How many physical lines one record may span (quoted values holding line breaks).</summary>
    public int MaxRecordLines { get; init; } = DefaultMaxRecordLines;

    /// <summary>The most bytes one record may hold; a longer line is rejected alone.</summary>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;

    public const int DefaultMaxRecordLines = 10;
    public const int DefaultMaxRecordBytes = 1 << 20;

    /// <summary>The CSV reader (Sep) cannot hold a row of 16 M chars; records are bounded well below it.</summary>
    public const int MaxMaxRecordBytes = 8 << 20;

    public const int MaxMaxRecordLines = 1000;
}
