namespace Migrate.Core.Map.Joins;

/// <summary>
/// What one join of a table found: <see cref="Orphans"/> records of the table's source had no match
/// (rejected with <c>join.orphan</c> unless the join keeps them), <see cref="Unmatched"/> keys of the
/// joined source were never asked for (the other side's orphans, e.g. households without persons),
/// <see cref="DuplicateKeys"/> records matched a key that several joined records share.
/// </summary>
public sealed record JoinResult(string Source, string On, string To, long JoinedRecords, long Orphans, long Unmatched, long DuplicateKeys);
