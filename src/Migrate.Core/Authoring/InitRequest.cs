using Migrate.Core.Extract.Database;
using Migrate.Core.Standard;

namespace Migrate.Core.Authoring;

/// <summary>
/// What <c>migrate init</c> drafts from: a legacy file or a folder of them (<see cref="Source"/>), their
/// encoding and delimiter, the standard (an ID found above the output or current folder, or a path),
/// optionally one table, where to write the draft, and how many records to profile (all when null).
/// A fixed-width file is read with the record layout in <see cref="Layout"/>; a database table
/// (<see cref="SourceTable"/>) through <see cref="Connection"/> instead of a file.
/// </summary>
public sealed record InitRequest(string? Source, string? Encoding, string Standard, string? Table, string OutPath, long? Sample, string Vendor, char Delimiter = ',', bool Header = true)
{
    /// <summary>A YAML file holding a fixed-width source's <c>fields</c> (and optionally <c>record_length</c>, <c>separator</c>, <c>encoding</c>).</summary>
    public string? Layout { get; init; }

    /// <summary>The legacy database (never written to the draft or printed).</summary>
    public SourceConnection? Connection { get; init; }

    /// <summary>The drivers that open <see cref="Connection"/> (composed by the CLI; Core references none).</summary>
    public IDatabaseSourceReader? Databases { get; init; }

    /// <summary>The database table to profile: <c>TABLE</c> or <c>SCHEMA.TABLE</c>.</summary>
    public string? SourceTable { get; init; }

    /// <summary>Where the standard named by ID is looked for first (<c>--standards</c> / <c>MIGRATE_STANDARDS</c>).</summary>
    public StandardSource Standards { get; init; } = StandardSource.Default;

    /// <summary>Columns the table is read in order of (written to the draft as <c>order_by</c>).</summary>
    public IReadOnlyList<string> OrderBy { get; init; } = [];
}
