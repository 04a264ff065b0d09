namespace Migrate.Core.Text;

/// <summary>
/// One era of a vendor's era table. <see cref="End"/> is inclusive and may overlap the next era's
/// first day: 明治45年7月30日 and 大正15年12月25日 are accepted spellings of those days.
/// </summary>
public sealed record EraDefinition(string Code, string? Letter, string Name, DateOnly Start, DateOnly? End)
{
    public IEnumerable<string> Spellings()
    {
        yield return Code;
        if (Letter is not null) yield return Letter;
        yield return Name;
    }
}
