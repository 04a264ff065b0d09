using Migrate.Core.Diagnostics;

namespace Migrate.Core.Mapping;

public enum SourceFormat
{
    /// <summary>Delimited text (CSV, TSV): RFC 4180 quoting.</summary>
    Delimited,
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
    SourcePosition Position);
