using System.Text.Json;
using Migrate.Core.Extract;
using Migrate.Core.Mapping;
using Migrate.Core.Rejects;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Integrity;

/// <summary>
/// Tells the <see cref="PersonLedger"/> whose records were rejected at extract. A record is rejected
/// there because some field could not be read, but its person number (宛名番号) and 支援措置 flag are
/// plain ASCII columns that are usually intact: they are recovered from the reject's raw bytes (or
/// its values, for a database source). Reads the rejects files only, never the data again.
/// </summary>
internal static class ExtractRejectPersons
{
    /// <summary>What a source contributes: the column holding the person key, the critical flag columns, and which tables it feeds.</summary>
    private sealed record Roles(string? KeyColumn, List<string> FlagColumns, bool PersonTable, bool CriticalTable);

    public static void Tell(PersonLedger ledger, MappingDefinition mapping, StandardDefinition standard, WorkDirectory work)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(work);
        if (standard.Persons is not { } persons) return;
        var protects = Protects(mapping, standard);
        foreach (var (sourceId, roles) in RolesBySource(mapping, standard, persons))
        {
            var path = work.ExtractRejects(sourceId);
            if (!File.Exists(path)) continue;
            var source = mapping.Sources[sourceId];
            foreach (var line in File.ReadLines(path))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                var reject = JsonSerializer.Deserialize<RejectRecord>(line, Json.Lines)!;
                var reason = reject.Reasons.Count > 0 ? reject.Reasons[0].Code : "extract";
                var person = roles.KeyColumn is null ? null : Recover(reject, source, roles.KeyColumn);
                if (person is null)
                {
                    if (protects) ledger.Unrecoverable(reject.File, reject.Line, reject.ByteOffset, reason);
                    continue;
                }
                if (roles.PersonTable) ledger.Seen(person);
                if (roles.CriticalTable) ledger.Named(person, reject.File, reject.Line, reject.ByteOffset);
                if (roles.FlagColumns.Any(c => IsFlagValue(Recover(reject, source, c)))) ledger.Flagged(person);
                ledger.Lost(person, reject.File, reject.Line, reject.ByteOffset, reason);
            }
        }
    }

    /// <summary>
    /// A recovered critical value that marks its record: a short code other than 0 (1, 2, Y …). A record
    /// rejected for its field count may have its fields shifted, so a longer value (a name that slid
    /// into the flag's place) is not taken for a flag; the person is still protected by the support file.
    /// </summary>
    private static bool IsFlagValue(string? value) =>
        PersonKey.IsSet(value) && value!.Trim() is { Length: <= 2 } flag && flag.All(char.IsAsciiLetterOrDigit);

    /// <summary>Whether the mapping maps anything critical: only then can an unreadable record hide a protected person.</summary>
    public static bool Protects(MappingDefinition mapping, StandardDefinition standard)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(standard);
        return mapping.Tables.Any(t => standard.FindTable(t.TableId) is { } table
            && (table.Critical || t.Items.Any(d => table.Find(d.ItemId)?.Critical == true)));
    }

    private static Dictionary<string, Roles> RolesBySource(MappingDefinition mapping, StandardDefinition standard, PersonLink persons)
    {
        var roles = new Dictionary<string, Roles>(StringComparer.Ordinal);
        Roles For(string id) => roles.TryGetValue(id, out var r) ? r : roles[id] = new Roles(null, [], false, false);
        foreach (var tableMapping in mapping.Tables)
        {
            if (standard.FindTable(tableMapping.TableId) is not { } table || table.Find(persons.KeyItem) is null) continue;
            foreach (var derivation in tableMapping.Items)
            {
                if (derivation.From is null) continue;
                var isKey = derivation.ItemId == persons.KeyItem;
                if (!isKey && table.Find(derivation.ItemId)?.Critical != true) continue;
                var (sourceId, column) = TableSources.Split(derivation.From, tableMapping.From);
                if (!mapping.Sources.ContainsKey(sourceId)) continue;
                var current = For(sourceId);
                if (isKey)
                    roles[sourceId] = current with
                    {
                        KeyColumn = current.KeyColumn ?? column,
                        PersonTable = current.PersonTable || table.Id == persons.TableId,
                        CriticalTable = current.CriticalTable || table.Critical,
                    };
                else if (!current.FlagColumns.Contains(column))
                    current.FlagColumns.Add(column);
            }
        }
        return roles;
    }

    /// <summary>A column's value from a reject, as the source's format recovers it (its values, or its raw bytes when the field is plain ASCII).</summary>
    internal static string? Recover(RejectRecord reject, SourceDefinition source, string column) =>
        SourceFormats.Default.For(source).Recover(reject, source, column);
}
