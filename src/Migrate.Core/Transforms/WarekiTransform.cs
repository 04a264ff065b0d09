using Migrate.Core.Diagnostics;
using Migrate.Core.Text;

namespace Migrate.Core.Transforms;

/// <summary>
/// <c>wareki: FORMAT</c>: a legacy era-coded date → ISO YYYY-MM-DD, or a 不詳 or 暦上日以外 date with
/// its notation. Only an item the standard gives 不詳 companions (<paramref name="keepsUnknown"/>) may
/// hold one: elsewhere (届出年月日, 支援措置終了年月日) a 不詳 value is rejected, never left empty.
/// </summary>
internal sealed class WarekiTransform(WarekiParser parser, string itemName, bool keepsUnknown) : ValueConversion<WarekiTransform.Converted>
{
    /// <summary>The date a text gives, or why it gives none: consecutive history rows of one person repeat most of their dates.</summary>
    public readonly record struct Converted(Cell Output, Problem? Problem);

    protected override Converted Convert(string value)
    {
        if (!parser.TryParse(value, out var result, out var problem)) return new Converted(default, problem);
        if (result.Unknown && !keepsUnknown)
        {
            return new Converted(default, result.NonCalendar
                ? new Problem(ErrorCodes.DateInvalid, $"{result.UnknownText} does not exist, and {itemName} cannot hold a date that is not on the calendar (暦上日以外)")
                : new Problem(ErrorCodes.DateUnknownNotAllowed, $"a 不詳 date, which {itemName} cannot hold: the standard gives it no 不詳 flag or notation"));
        }
        return new Converted(new Cell(result.Date is { } date ? IsoDate.Format(date) : null, result.Unknown, result.UnknownText, result.EraYear), null);
    }

    protected override bool Apply(in Cell input, Converted converted, RowScope row, out Cell output, out Problem? problem)
    {
        problem = converted.Problem;
        output = problem is null ? converted.Output : input;
        return problem is null;
    }
}
