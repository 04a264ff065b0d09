using Migrate.Core.Integrity;
using Migrate.Core.Standard;

namespace Migrate.Core.Map;

/// <summary>
/// What one table tells the <see cref="PersonLedger"/> per record: whose record it is (the person key
/// item), whether it protects its person (a critical item set, or a row of a critical table) and
/// whether it is a row of the person table. Worked out once per table; a table without the person
/// key has nothing to tell.
/// </summary>
internal sealed class TablePersonTracking
{
    private readonly PersonLedger _ledger;
    private readonly ItemPipeline _key;
    private readonly ItemPipeline[] _critical;
    private readonly string _file;

    private TablePersonTracking(PersonLedger ledger, ItemPipeline key, ItemPipeline[] critical, bool names, bool persons, string file)
    {
        _ledger = ledger;
        _key = key;
        _critical = critical;
        NamesPersons = names;
        IsPersonTable = persons;
        _file = file;
    }

    /// <summary>A row of a critical table: every row protects (and must find) its person; its line is needed.</summary>
    public bool NamesPersons { get; }

    public bool IsPersonTable { get; }

    /// <summary>The person key item: a reject naming a problem with it has no mapped key to trust.</summary>
    public string KeyItemId => _key.Item.Id;

    public static TablePersonTracking? For(CompiledTable compiled, PersonLink? persons, PersonLedger? ledger)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        if (ledger is null || persons is null) return null;
        var keyIndex = compiled.Table.IndexOf(persons.KeyItem);
        if (keyIndex < 0) return null;
        var critical = compiled.Items.Where(p => p.Item.Critical && p.HasDerivation).ToArray();
        return new TablePersonTracking(ledger, compiled.Items[keyIndex], critical, compiled.Table.Critical,
            compiled.Table.Id == persons.TableId, compiled.Source.File);
    }

    /// <summary>A mapped row (values as they will be loaded).</summary>
    public void Loaded(string?[] output, (long Line, long Offset) position)
    {
        var person = output[_key.OutputIndex];
        if (IsPersonTable) _ledger.Seen(person);
        if (NamesPersons) _ledger.Named(person, _file, position.Line, position.Offset);
        foreach (var item in _critical)
        {
            if (PersonKey.IsSet(output[item.OutputIndex]))
            {
                _ledger.Flagged(person);
                break;
            }
        }
    }

    /// <summary>A rejected or filtered row: the key as mapped when it was, else as read.</summary>
    public void Lost(string?[] values, string?[]? output, (long Line, long Offset) position, string reason, bool filtered)
    {
        var person = output?[_key.OutputIndex] ?? (_key.SourceIndex >= 0 ? values[_key.SourceIndex] : null);
        if (IsPersonTable) _ledger.Seen(person);
        // A filter says which records are not rows of the table at all (vendor-b's support table is its
        // person file less the persons without a support measure): a filtered record names nobody.
        if (NamesPersons && !filtered) _ledger.Named(person, _file, position.Line, position.Offset);
        foreach (var item in _critical)
        {
            if (item.SourceIndex >= 0 && PersonKey.IsSet(values[item.SourceIndex]))
            {
                _ledger.Flagged(person);
                break;
            }
        }
        _ledger.Lost(person, _file, position.Line, position.Offset, reason, filtered);
    }
}
