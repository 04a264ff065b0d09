using System.Globalization;
using Migrate.Core.Diagnostics;

namespace Migrate.Core.Transforms;

/// <summary><c>date: yyyyMMdd</c>: a Gregorian (西暦) date in a .NET pattern → ISO YYYY-MM-DD.</summary>
public sealed class GregorianDateTransform(string pattern) : ITransform
{
    public bool TryApply(in Cell input, RowScope row, out Cell output, out Problem? problem)
    {
        output = input;
        problem = null;
        if (string.IsNullOrEmpty(input.Value)) return true;
        if (DateOnly.TryParseExact(input.Value, pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            output = new Cell(Text.IsoDate.Format(date));
            return true;
        }
        problem = new Problem(ErrorCodes.DateInvalid, $"not a valid date in the form {pattern}");
        return false;
    }
}
