using Migrate.Core.Diagnostics;

namespace Migrate.Core.Mapping;

public enum SourceFormat
{
    /// <summary>Delimited text (CSV, TSV): RFC 4180 quoting.</summary>
    Delimited,

    /// <summary>Fixed-width records (mainframe and COBOL-era exports): fields at byte offsets of the source encoding.</summary>
    Fixed,
}

/// <summary>One legacy file (or, later, table) as the mapping declares it.</summary>
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
}
