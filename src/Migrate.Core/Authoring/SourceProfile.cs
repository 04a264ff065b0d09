using Migrate.Core.Mapping;

namespace Migrate.Core.Authoring;

/// <summary>
/// A legacy source as profiled: its columns (from the header, or COL1…; a fixed-width layout's fields;
/// a table's columns), records read and unreadable. <see cref="Format"/> says how the draft declares it.
/// </summary>
public sealed record SourceProfile(string File, string Encoding, char Delimiter, bool Header, long Records, long Unreadable, IReadOnlyList<ColumnProfile> Columns)
{
    public SourceFormat Format { get; init; } = SourceFormat.Delimited;

    /// <summary>For a fixed-width file: the layout the user gave, written into the draft as it is.</summary>
    public FixedLayout? Layout { get; init; }

    /// <summary>For a database table: where it is and the order it is read in (never the connection).</summary>
    public DatabaseSourceSpec? Database { get; init; }
}
