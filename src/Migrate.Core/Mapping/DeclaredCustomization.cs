namespace Migrate.Core.Mapping;

/// <summary>A customization that does not show in the data (a form layout, an interface), declared in the mapping.</summary>
public sealed record DeclaredCustomization(string Id, string Title, string Description);
