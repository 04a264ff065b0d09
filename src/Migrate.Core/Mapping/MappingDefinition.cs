using Migrate.Core.Text;

namespace Migrate.Core.Mapping;

/// <summary>A vendor's (or municipality's) declarative mapping from its legacy layout to a standard.</summary>
public sealed record MappingDefinition(
    string Path,
    string Sha256,
    string Vendor,
    string? Municipality,
    string StandardId,
    string StandardVersion,
    IReadOnlyDictionary<string, SourceDefinition> Sources,
    IReadOnlyList<EraDefinition> Eras,
    IReadOnlyDictionary<string, DateFormatDefinition> DateFormats,
    IReadOnlyDictionary<string, CodeTableDefinition> CodeTables,
    GaijiTable Gaiji,
    IReadOnlyList<TableMapping> Tables,
    IReadOnlyList<DeclaredCustomization> DeclaredCustomizations)
{
    /// <summary>The effective YAML it was read from (overlays merged), with every node's file and line.</summary>
    public MappingDocument? Document { get; init; }

    /// <summary>The municipality's name (千代田区) beside its code, so a comparison of many reports reads by name.</summary>
    public string? MunicipalityName { get; init; }
}
