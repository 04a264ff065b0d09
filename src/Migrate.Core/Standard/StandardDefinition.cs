namespace Migrate.Core.Standard;

/// <summary>A versioned data standard for one domain (業務), read from mappings/standard/&lt;domain&gt;/.</summary>
public sealed record StandardDefinition(
    string Id,
    string Name,
    string English,
    string Version,
    IReadOnlyList<StandardTable> Tables,
    IReadOnlyDictionary<string, CodeList> CodeLists,
    string SourcePath,
    string Sha256)
{
    /// <summary>How records name a person across tables; null when the standard has no persons.</summary>
    public PersonLink? Persons { get; init; }

    public StandardTable? FindTable(string id) => Tables.FirstOrDefault(t => t.Id == id);

    public CodeList? FindCodeList(string? id) => id is not null && CodeLists.TryGetValue(id, out var list) ? list : null;
}
