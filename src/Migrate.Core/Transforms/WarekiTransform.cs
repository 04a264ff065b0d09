using Migrate.Core.Diagnostics;
using Migrate.Core.Text;

namespace Migrate.Core.Transforms;

/// <summary>
/// <c>wareki: FORMAT</c>: a legacy era-coded date → ISO YYYY-MM-DD, or a 不詳 or 暦上日以外 date with
/// its notation. Only an item the standard gives 不詳 companions (<paramref name="keepsUnknown"/>) may
/// hold one: elsewhere (届出年月日, 支援措置終了年月日) a 不詳 value is rejected, never left empty.
/// </summary>
public sealed class WarekiTransform(WarekiParser parser, string itemName, bool keepsUnknown) : ITransform
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
        if (result.Unknown && !keepsUnknown)
        {
            problem = result.NonCalendar
                ? new Problem(ErrorCodes.DateInvalid, $"{result.UnknownText} does not exist, and {itemName} cannot hold a date that is not on the calendar (暦上日以外)")
                : new Problem(ErrorCodes.DateUnknownNotAllowed, $"a 不詳 date, which {itemName} cannot hold: the standard gives it no 不詳 flag or notation");
            return false;
        }
        output = new Cell(result.Date is { } date ? IsoDate.Format(date) : null, result.Unknown, result.UnknownText, result.EraYear);
        if (plain)
        {
            _lastInput = input.Value;
            _lastOutput = output;
        }
        return true;
    }
}
