using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary>
/// One named step of an item's pipeline. It validates its input and, when it cannot convert it,
/// returns a <see cref="Problem"/> with a stable code instead of throwing. A transform keeps no state
/// between rows: its output depends on its input and the row alone (what it counts goes to the row's
/// <see cref="RowScope.Observations"/>), so one instance may serve any number of row loops. Remembering
/// the last conversion is the pipeline's (<see cref="IValueConversion.WithMemo"/>).
/// </summary>
internal interface ITransform
{
    bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem);
}
