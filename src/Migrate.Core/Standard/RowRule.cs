namespace Migrate.Core.Standard;

/// <summary>
/// A rule of the standard that ties items of one row together, stated in the standard file's
/// <c>rules:</c> (住民種別 decides which items a row may hold: a 日本人住民 has no 在留 items, a
/// 外国人住民 has 国籍・地域; 1.2.2 limits some 異動事由 to one 住民種別). When <see cref="WhenItem"/> holds
/// one of <see cref="WhenValues"/>: the <see cref="Required"/> items must have a value (those the
/// mapping derives: an item with no source at all is a gap the report lists), the <see cref="Empty"/>
/// items must have none, each <see cref="NotIn"/> item must hold none of its values and each
/// <see cref="OnlyIn"/> item one of its values (1.1.8: a 不詳 異動年月日 only for 出生, 死亡 or 失踪).
/// </summary>
public sealed record RowRule(
    string Id,
    string Description,
    string WhenItem,
    IReadOnlySet<string> WhenValues,
    IReadOnlyList<string> Required,
    IReadOnlyList<string> Empty,
    IReadOnlyDictionary<string, IReadOnlySet<string>> NotIn)
{
    public IReadOnlyDictionary<string, IReadOnlySet<string>> OnlyIn { get; init; } = new Dictionary<string, IReadOnlySet<string>>();
}
