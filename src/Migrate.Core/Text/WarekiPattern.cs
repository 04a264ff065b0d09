namespace Migrate.Core.Text;

/// <summary>
/// A legacy date spelling such as GYYMMDD, GYY.MM.DD, E Y年M月D日 or YYYYMMDD, compiled into tokens.
/// G = one-character era code or letter, GG = two-digit era code, E = era name (昭和),
/// YY/MM/DD = two digits (YY also 元), Y/M/D = one or two digits (Y also 元), YYYY = Gregorian year;
/// anything else is a literal.
/// </summary>
internal sealed class WarekiPattern
{
    internal enum Kind { EraChar, EraCode2, EraName, Year2, Year, Month2, Month, Day2, Day, Year4, Literal }

    internal readonly record struct Token(Kind Kind, char Literal);

    private WarekiPattern(string text, Token[] tokens)
    {
        Text = text;
        Tokens = tokens;
        HasEra = tokens.Any(t => t.Kind is Kind.EraChar or Kind.EraCode2 or Kind.EraName);
    }

    public string Text { get; }

    // An array, not a list interface: patterns are matched against every date value, and an
    // interface enumerator is an allocation per value.
    internal Token[] Tokens { get; }

    /// <summary>Whether the pattern has an era token (G, GG or E).</summary>
    internal bool HasEra { get; }

    /// <summary>The input length this pattern accepts, or -1 when a part has variable width.</summary>
    public int FixedLength => Tokens.Sum(t => t.Kind switch
    {
        Kind.EraChar or Kind.Literal => 1,
        Kind.EraCode2 or Kind.Year2 or Kind.Month2 or Kind.Day2 => 2,
        Kind.Year4 => 4,
        _ => -10_000,
    }) is var n and >= 0 ? n : -1;

    public static WarekiPattern Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var tokens = new List<Token>();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c) run++;
            switch (c)
            {
                case 'G':
                    tokens.Add(new Token(run == 1 ? Kind.EraChar : run == 2 ? Kind.EraCode2 : throw Bad(pattern, "G or GG"), c));
                    break;
                case 'E':
                    tokens.Add(new Token(Kind.EraName, c));
                    run = 1;
                    break;
                case 'Y':
                    tokens.Add(new Token(run switch { 1 => Kind.Year, 2 => Kind.Year2, 4 => Kind.Year4, _ => throw Bad(pattern, "Y, YY or YYYY") }, c));
                    break;
                case 'M':
                    tokens.Add(new Token(run switch { 1 => Kind.Month, 2 => Kind.Month2, _ => throw Bad(pattern, "M or MM") }, c));
                    break;
                case 'D':
                    tokens.Add(new Token(run switch { 1 => Kind.Day, 2 => Kind.Day2, _ => throw Bad(pattern, "D or DD") }, c));
                    break;
                default:
                    for (var k = 0; k < run; k++) tokens.Add(new Token(Kind.Literal, c));
                    break;
            }
            i += run;
        }
        var kinds = tokens.Select(t => t.Kind).ToList();
        var hasEra = kinds.Any(k => k is Kind.EraChar or Kind.EraCode2 or Kind.EraName);
        var hasYear = kinds.Any(k => k is Kind.Year or Kind.Year2);
        if (hasEra != hasYear || (!hasEra && !kinds.Contains(Kind.Year4)))
            throw new FormatException($"date pattern '{pattern}' needs an era with a 2-digit year (G/GG/E with YY) or a 4-digit year YYYY");
        if (!kinds.Any(k => k is Kind.Month or Kind.Month2) || !kinds.Any(k => k is Kind.Day or Kind.Day2))
            throw new FormatException($"date pattern '{pattern}' needs a month (MM) and a day (DD)");
        return new WarekiPattern(pattern, [.. tokens]);
    }

    private static FormatException Bad(string pattern, string expected) =>
        new($"date pattern '{pattern}': write {expected}");
}
