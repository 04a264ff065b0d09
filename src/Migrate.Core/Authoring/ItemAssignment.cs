using Migrate.Core.Standard;

namespace Migrate.Core.Authoring;

/// <summary>
/// Which column each item of a table takes, by header (<see cref="HeaderMatcher"/>): the best scores
/// first, each column to one item. Where two columns score the same for an item, or two items the same
/// for a column, nobody gets it: the item is left unresolved with its candidates named, never guessed.
/// Among exact names the item's ID wins over its Japanese and English names, and those over synonyms
/// in their order (a file with PERSON_ID and ATENA_NO gives atena_no the ATENA_NO column).
/// </summary>
internal sealed class ItemAssignment
{
    private readonly Dictionary<string, (string Column, double Confidence)> _assigned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _candidates = new(StringComparer.Ordinal);

    public ItemAssignment(IEnumerable<StandardItem> items, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(columns);
        var pairs = (from item in items
                     from column in columns
                     let score = Ranked(item, column)
                     where score >= HeaderMatcher.Threshold
                     orderby score descending
                     select (Item: item.Id, Column: column, Score: score)).ToList();
        var contested = new HashSet<string>(StringComparer.Ordinal);
        var undecided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            if (_assigned.ContainsKey(pair.Item) || undecided.Contains(pair.Item) || contested.Contains(pair.Column) || _assigned.Values.Any(a => a.Column == pair.Column)) continue;
            var rivals = pairs.Where(p => p != pair && p.Score == pair.Score
                && ((p.Item == pair.Item && !contested.Contains(p.Column) && _assigned.Values.All(a => a.Column != p.Column))
                    || (p.Column == pair.Column && !_assigned.ContainsKey(p.Item) && !undecided.Contains(p.Item)))).ToList();
            if (rivals.Count == 0)
            {
                _assigned[pair.Item] = (pair.Column, Math.Min(pair.Score, HeaderMatcher.Exact));
                continue;
            }
            foreach (var p in rivals.Append(pair))
            {
                undecided.Add(p.Item);
                contested.Add(p.Column);
                if (!_candidates.TryGetValue(p.Item, out var list)) _candidates[p.Item] = list = [];
                if (!list.Contains(p.Column)) list.Add(p.Column);
            }
        }
    }

    /// <summary>The column the item takes and how sure the match is (1.0 exact), or null.</summary>
    public (string Column, double Confidence)? Of(string itemId) =>
        _assigned.TryGetValue(itemId, out var match) ? match : null;

    /// <summary>Columns that matched the item as well as each other, so none was taken.</summary>
    public IReadOnlyList<string> Candidates(string itemId) =>
        _candidates.TryGetValue(itemId, out var list) ? list : [];

    public int Count => _assigned.Count;

    private static double Ranked(StandardItem item, string column)
    {
        var score = HeaderMatcher.Score(item, column);
        if (score < HeaderMatcher.Exact) return score;
        // Exact: rank by which of the item's names matched, so the ID beats a synonym.
        var folded = HeaderNames.Fold(column);
        var index = ColumnMatcher.NamesOf(item).TakeWhile(n => HeaderNames.Fold(n) != folded).Count();
        return HeaderMatcher.Exact + 0.001 * (100 - Math.Min(index, 99));
    }
}
