namespace Migrate.Core.Mapping;

/// <summary>
/// What only one source format understands (a delimiter, a record layout, a table): each format
/// declares its own options beside it in Extract and reads them from the mapping itself.
/// </summary>
public abstract record SourceOptions;
