namespace Migrate.Core.Authoring;

/// <summary>A delimited legacy file as profiled: its columns (from the header, or COL1…), records read and unreadable.</summary>
public sealed record SourceProfile(string File, string Encoding, char Delimiter, bool Header, long Records, long Unreadable, IReadOnlyList<ColumnProfile> Columns);
