using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Core.Standard;

namespace Migrate.Core.Pipeline;

/// <summary>
/// Refuses a load into tables that already hold rows (without --replace) before anything is written:
/// <c>run</c> used to extract and map first and be refused only when the load began, by which time
/// it had rewritten the staging, mapped and rejects files of the work directory's committed run.
/// The load still checks again inside its transaction, where nothing can change between check and write.
/// </summary>
internal static class TargetGuard
{
    public static async Task RefuseNonEmptyAsync(ITarget target, StandardDefinition standard, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (replace) return;
        if (await target.FirstNonEmptyAsync(standard, cancellationToken) is { } held)
            throw MigrateException.DataError($"{target.Description}: table {held.Table} already holds {held.Rows} rows; give --replace to replace them (nothing was changed)");
    }
}
