using Migrate.Core.Diagnostics;

namespace Migrate.Core.Mapping;

/// <summary>What happens to a record whose join key has no match in the joined source.</summary>
public enum OrphanRule
{
    /// <summary>The record is rejected with <c>join.orphan</c>.</summary>
    Reject,

    /// <summary>The record is kept; the joined columns are empty (a left join).</summary>
    Keep,
}

/// <summary>
/// A lookup of another source by key: for each record of the table's source, the record of
/// <see cref="Source"/> whose <see cref="To"/> column equals the value of <see cref="On"/>
/// (a column of the table's source or <c>SOURCE.COLUMN</c> of an earlier join).
/// Its columns are referenced as <c>SOURCE.COLUMN</c>.
/// </summary>
public sealed record JoinDefinition(string Source, string On, string To, OrphanRule Orphans, SourcePosition Position);
