namespace Migrate.Core.Text;

/// <summary>
/// A written form that means 不詳 (standard 1.1.8 不詳日入力一覧): 昭和30年頃 is <c>EY年頃</c>,
/// 昭和22年3月日不詳 is <c>EY年M月日不詳</c>, 令和2年3月上旬 is <c>EY年M月*</c>. The tokens are those of
/// <see cref="WarekiPattern"/> (E era name, G/GG era code, Y/YY year or 元, M/MM, D/DD), each optional,
/// plus <c>*</c> for any text; digits may be half- or full-width (昭和３０年頃). A matched value is kept
/// as written; the era, year, month and day it names are checked (昭和99年頃 is not a 不詳 date).
/// </summary>
internal sealed class WarekiUnknownForm
{
    internal enum Kind { EraName, EraChar, EraCode2, Year, Month, Day, Any, Literal }

    internal readonly record struct Token(Kind Kind, int MinDigits, char Literal);

    private WarekiUnknownForm(string text, Token[] tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    public string Text { get; }

    internal Token[] Tokens { get; }

    public static WarekiUnknownForm Compile(string form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var tokens = new List<Token>();
        var i = 0;
        while (i < form.Length)
        {
            var c = form[i];
            var run = 1;
            while (i + run < form.Length && form[i + run] == c) run++;
            switch (c)
            {
                case 'E':
                    tokens.Add(new Token(Kind.EraName, 0, c));
                    run = 1;
                    break;
                case 'G':
                    tokens.Add(new Token(run switch { 1 => Kind.EraChar, 2 => Kind.EraCode2, _ => throw Bad(form, "G or GG") }, 0, c));
                    break;
                case 'Y' or 'M' or 'D':
                    if (run > 2) throw Bad(form, $"{c} or {c}{c}");
                    tokens.Add(new Token(c switch { 'Y' => Kind.Year, 'M' => Kind.Month, _ => Kind.Day }, run, c));
                    break;
                case '*':
                    tokens.Add(new Token(Kind.Any, 0, c));
                    run = 1;
                    break;
                default:
                    for (var k = 0; k < run; k++) tokens.Add(new Token(Kind.Literal, 0, c));
                    break;
            }
            i += run;
        }
        var kinds = tokens.Select(t => t.Kind).ToList();
        var eras = kinds.Count(k => k is Kind.EraName or Kind.EraChar or Kind.EraCode2);
        if (eras > 1 || kinds.Count(k => k == Kind.Year) > 1 || kinds.Count(k => k == Kind.Month) > 1 || kinds.Count(k => k == Kind.Day) > 1)
            throw new FormatException($"不詳 form '{form}' names the era, year, month or day more than once");
        if ((eras == 1) != kinds.Contains(Kind.Year))
            throw new FormatException($"不詳 form '{form}' needs an era (E, G or GG) together with its year (Y), or neither");
        if (kinds.Contains(Kind.Day) && !kinds.Contains(Kind.Month))
            throw new FormatException($"不詳 form '{form}' has a day (D) without a month (M)");
        if (kinds.All(k => k == Kind.Any))
            throw new FormatException($"不詳 form '{form}' would take any text as 不詳; add the words that mark it (年月日不詳, 頃 …)");
        return new WarekiUnknownForm(form, [.. tokens]);
    }

    private static FormatException Bad(string form, string expected) => new($"不詳 form '{form}': write {expected}");
}
