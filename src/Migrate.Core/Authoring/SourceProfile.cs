using Migrate.Core.Mapping;

namespace Migrate.Core.Authoring;

/// <summary>
/// A legacy source as profiled: its columns (from the header, or COL1…; a fixed-width layout's fields;
/// a table's columns), records read and unreadable. <see cref="Format"/> and <see cref="Options"/> are
/// the source's as it was read (the delimiter and header, the layout the user gave, the table and its
/// order, never the connection): they say how the draft declares it.
/// </summary>
public sealed record SourceProfile(string File, string Encoding, string Format, SourceOptions Options, long Records, long Unreadable, IReadOnlyList<ColumnProfile> Columns);
