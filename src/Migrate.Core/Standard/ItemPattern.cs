using System.Text.RegularExpressions;

namespace Migrate.Core.Standard;

/// <summary>
/// The form a standard item's value must have, as the standard file states it: a regular expression
/// matched against the whole value, and the wording people read when a value does not have it.
/// </summary>
public sealed class ItemPattern(string regex, string description)
{
    // Anchored and compiled once per standard; matched on spans, so a check allocates nothing.
    private readonly Regex _regex = new($"^(?:{regex})$", RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    public string Regex { get; } = regex;

    public string Description { get; } = description;

    public bool IsMatch(string value) => _regex.IsMatch(value);
}
