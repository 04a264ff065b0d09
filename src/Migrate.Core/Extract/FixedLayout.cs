using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;

namespace Migrate.Core.Extract;

/// <summary>How a fixed-width field's bytes are read.</summary>
internal enum FixedFieldType
{
    /// <summary>Text in the source encoding; trailing half-width spaces (padding) are removed.</summary>
    Text,

    /// <summary>Zoned decimal: one digit per byte, the sign overpunched in the last byte.</summary>
    Zoned,

    /// <summary>Packed decimal (COMP-3): two digits per byte, the sign in the last half-byte.</summary>
    Packed,

    /// <summary>An era-coded date (GYYMMDD …) kept as text for the wareki transform.</summary>
    EraDate,
}

/// <summary>One field of a fixed-width record: byte offset and length in the source encoding.</summary>
internal sealed record FixedField(string Name, int Offset, int Length, FixedFieldType Type, int Scale, SourcePosition Position)
{
    public int End => Offset + Length;
}

/// <summary>What ends a fixed-width record.</summary>
internal enum RecordSeparator
{
    /// <summary>CR LF or LF, whichever each record has.</summary>
    Auto,
    CrLf,
    Lf,

    /// <summary>No separator: every record is exactly <see cref="FixedLayout.RecordLength"/> bytes.</summary>
    None,
}

/// <summary>A fixed-width record layout, the options of <c>format: fixed</c>: its fields and the record length in bytes (separator excluded).</summary>
internal sealed record FixedLayout(IReadOnlyList<FixedField> Fields, int RecordLength, RecordSeparator Separator) : SourceOptions;
