using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary>
/// One named step of an item's pipeline. It validates its input and, when it cannot convert it,
/// returns a <see cref="Problem"/> with a stable code instead of throwing. An instance belongs to
/// one item of one compiled table and serves one row loop at a time, so it may remember the value it
/// converted last.
/// </summary>
public interface ITransform
{
    bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem);
}
