using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary>
/// <c>concat: { columns: [SEI, MEI], separator: "　" }</c>: joins the current value (if any) and the
/// named legacy columns, skipping empty ones.
/// </summary>
internal sealed class ConcatTransform(IReadOnlyList<string> columns, string separator) : ITransform, IReadsColumns
{
    public IReadOnlyList<string> Columns => columns;

    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        problem = null;
        var parts = new List<string>(columns.Count + 1);
        if (!string.IsNullOrEmpty(input.Value)) parts.Add(input.Value);
        foreach (var column in columns)
        {
            var value = row.Column(column);
            if (!string.IsNullOrEmpty(value)) parts.Add(value);
        }
        output = new Cell(parts.Count == 0 ? null : string.Join(separator, parts));
        return true;
    }
}
