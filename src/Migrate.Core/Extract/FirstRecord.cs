namespace Migrate.Core.Extract;

/// <summary>A delimited file's first record: its fields (null where one does not decode) and whether all of them decode.</summary>
internal sealed record FirstRecord(IReadOnlyList<string?> Fields, bool Decodes);
