namespace Migrate.Core.Text;

/// <summary>Suggests the closest known name for a misspelt one (edit distance), for error messages.</summary>
public static class DidYouMean
{
    public static string? Closest(string wrong, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(wrong);
        ArgumentNullException.ThrowIfNull(known);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var d = Distance(wrong.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }
        // More than a third of the word changed is not a typo any more.
        return best is not null && bestDistance <= Math.Max(2, wrong.Length / 3) ? best : null;
    }

    public static string Hint(string wrong, IEnumerable<string> known)
    {
        var closest = Closest(wrong, known);
        return closest is null ? "" : $" (did you mean '{closest}'?)";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
