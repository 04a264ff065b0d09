namespace Migrate.Core.Standard;

/// <summary>A table of the standard: its items in layout order and its key.</summary>
public sealed class StandardTable
{
    private readonly Dictionary<string, StandardItem> _byId;

    public StandardTable(string id, string name, string english, string description, IReadOnlyList<string> key, bool critical, IReadOnlyList<StandardItem> items)
    {
        Id = id;
        Name = name;
        English = english;
        Description = description;
        Key = key;
        Critical = critical;
        Items = items;
        _byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    public string Id { get; }
    public string Name { get; }
    public string English { get; }
    public string Description { get; }
    public IReadOnlyList<string> Key { get; }

    /// <summary>Every record of a critical table is critical (支援措置): it may not be rejected quietly.</summary>
    public bool Critical { get; }
    public IReadOnlyList<StandardItem> Items { get; }

    /// <summary>Rules between items of one row (<c>rules:</c>), checked after every item is mapped.</summary>
    public IReadOnlyList<RowRule> Rules { get; init; } = [];

    public StandardItem? Find(string itemId) => _byId.GetValueOrDefault(itemId);

    public int IndexOf(string itemId)
    {
        for (var i = 0; i < Items.Count; i++)
            if (Items[i].Id == itemId) return i;
        return -1;
    }
}
