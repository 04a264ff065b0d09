namespace Migrate.Core.Extract.Database;

/// <summary>Opens legacy databases for <c>format: database</c> sources (Migrate.Data implements it).</summary>
public interface IDatabaseSourceReader
{
    Task<ILegacyDatabase> OpenAsync(SourceConnection connection, CancellationToken cancellationToken);
}
