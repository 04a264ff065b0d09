using Migrate.Core.Diagnostics;

namespace Migrate.Core.Mapping;

/// <summary>
/// One legacy file, or table or query of a legacy database, as the mapping declares it: what every
/// source has, and the <see cref="Options"/> only its format understands.
/// </summary>
/// <param name="Format">The name of the format that reads it (<c>ISourceFormat.Name</c> in Extract).</param>
/// <param name="File">The file inside --source, or the name a database source is shown by (table or <c>query:SOURCE</c>).</param>
public sealed record SourceDefinition(
    string Id,
    string File,
    string Format,
    string Encoding,
    IReadOnlyList<string> Columns,
    SourcePosition Position,
    SourceOptions Options)
{
    /// <summary>The mapping allows <see cref="File"/> to lie outside --source (<c>allow_outside: true</c>).</summary>
    public bool AllowOutside { get; init; }
}
