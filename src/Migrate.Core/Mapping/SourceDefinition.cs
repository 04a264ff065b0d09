using Migrate.Core.Diagnostics;

namespace Migrate.Core.Mapping;

public enum SourceFormat
{
    /// <summary>Delimited text (CSV, TSV): RFC 4180 quoting.</summary>
    Delimited,

    /// <summary>Fixed-width records (mainframe and COBOL-era exports): fields at byte offsets of the source encoding.</summary>
    Fixed,

    /// <summary>A table or query of a legacy database (SQLite, PostgreSQL, SQL Server), streamed through a data reader.</summary>
    Database,
}

/// <summary>One legacy file, or table or query of a legacy database, as the mapping declares it.</summary>
public sealed record SourceDefinition(
    string Id,
    string File,
    SourceFormat Format,
    string Encoding,
    char Delimiter,
    bool Header,
    IReadOnlyList<string> Columns,
    SourcePosition Position)
{
    /// <summary>For <see cref="SourceFormat.Fixed"/>: the record layout, in column order.</summary>
    public FixedLayout? Layout { get; init; }

    /// <summary>The mapping allows <see cref="File"/> to lie outside --source (<c>allow_outside: true</c>).</summary>
    public bool AllowOutside { get; init; }

    /// <summary>For <see cref="SourceFormat.Database"/>: the table or query and the connection name (never a connection string).</summary>
    public DatabaseSourceSpec? Database { get; init; }

    /// <summary>For <see cref="SourceFormat.Delimited"/>: how many physical lines one record may span (quoted values holding line breaks).</summary>
    public int MaxRecordLines { get; init; } = DefaultMaxRecordLines;

    /// <summary>For <see cref="SourceFormat.Delimited"/>: the most bytes one record may hold; a longer line is rejected alone.</summary>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;

    public const int DefaultMaxRecordLines = 10;
    public const int DefaultMaxRecordBytes = 1 << 20;

    /// <summary>The CSV reader (Sep) cannot hold a row of 16 M chars; records are bounded well below it.</summary>
    public const int MaxMaxRecordBytes = 8 << 20;

    public const int MaxMaxRecordLines = 1000;
}
