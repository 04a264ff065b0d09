using Migrate.Core.Diagnostics;
using Migrate.Core.Text;

namespace Migrate.Core.Transforms;

/// <summary><c>wareki: FORMAT</c>: a legacy era-coded date → ISO YYYY-MM-DD, or a 不詳 date with its notation.</summary>
public sealed class WarekiTransform(WarekiParser parser) : ITransform
{
    // The date converted last: consecutive history rows of one person repeat most of their dates,
    // and the conversion depends on the text alone.
    private string? _lastInput;
    private Cell _lastOutput;

    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        output = input;
        problem = null;
        if (string.IsNullOrEmpty(input.Value)) return true;
        var plain = !input.DateUnknown && input.UnknownText is null;
        if (plain && string.Equals(input.Value, _lastInput, StringComparison.Ordinal))
        {
            output = _lastOutput;
            return true;
        }
        if (!parser.TryParse(input.Value, out var result, out problem)) return false;
        output = new Cell(result.Date is { } date ? Text.IsoDate.Format(date) : null, result.Unknown, result.UnknownText);
        if (plain)
        {
            _lastInput = input.Value;
            _lastOutput = output;
        }
        return true;
    }
}
