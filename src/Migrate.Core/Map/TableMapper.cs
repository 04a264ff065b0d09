using System.Diagnostics;
using Migrate.Core.Diagnostics;
using Migrate.Core.Map.Joins;
using Migrate.Core.Rejects;
using Migrate.Core.Transforms;
using Migrate.Core.Work;

namespace Migrate.Core.Map;

/// <summary>
/// Maps one standard table row by row from its source's staging file: every staged record becomes
/// a standard row, a reject (with every reason found, each naming its item) or a filtered record.
/// Values are never normalized beyond what the mapping asks (no NFC/NFKC on names or addresses).
/// </summary>
/// <param name="handoffs">In <c>migrate run</c>: the staged records the extractor hands on, and where the mapped rows go besides their file.</param>
internal sealed class TableMapper(CompiledTable compiled, WorkDirectory work, Observations observations, Integrity.PersonLedger? ledger = null,
    Standard.PersonLink? persons = null, StageHandoffs? handoffs = null)
{
    private readonly TablePersonTracking? _persons = TablePersonTracking.For(compiled, persons, ledger);

    private const int MaxCriticalListed = 100;

    // Arrays of the compiled pipelines and filters for the row loop: indexing an IReadOnlyList is an
    // interface call per item, and a foreach over one allocates an enumerator per row.
    private readonly ItemPipeline[] _items = [.. compiled.Items];
    private readonly (Mapping.FilterRule Rule, int Index)[] _filters = [.. compiled.Filters];
    private readonly CompiledRowRules _rules = compiled.Rules;

    // Positions of the items the row loop derives, and of those it validates. An item with no
    // derivation that no date fills (its 不詳 flag and notation, its 和暦 era) and that may be empty
    // is NULL in every row, with nothing to check: the grown standard has about 30 such items in a
    // vendor's person table, and not visiting them (nor validating empty optional values) took 11% off
    // the CPU of map alone (1M persons).
    private readonly int[] _derived = [.. Enumerable.Range(0, compiled.Items.Count).Where(i => compiled.Items[i].HasDerivation)];
    private readonly int[] _validatedItems = [.. ValidatedItems(compiled.Items)];

    // Per item, its steps for this row loop: a conversion of the value alone with a memo of its own.
    private readonly ITransform[][] _steps =
        [.. compiled.Items.Select(p => p.Steps.Select(s => s is IValueConversion c ? c.WithMemo() : s).ToArray())];

    /// <summary>Output indexes of the items whose text follows the standard's character rule: their loaded values are checked against JIS X 0208/0213.</summary>
    private readonly int[] _jisChecked = [.. compiled.Table.Items.Select((item, i) => (item, i)).Where(x => ChecksJis(x.item)).Select(x => x.i)];

    // Per item, the value validated last without a problem, its canonical form, whether the CSV
    // quotes it and where its first character outside JIS is (-1: none, or not checked). All are
    // functions of the value alone, and consecutive rows repeat most values (history rows of one
    // person, codes, a town): a repeated value is checked once, not per row.
    private readonly RepeatedFields<char, Validated> _validated = new(compiled.Items.Count);

    private readonly record struct Validated(string? Value, bool Quote, int OutsideJis);

    private static bool ChecksJis(Standard.StandardItem item) => item.Chars == Standard.CharRule.Standard && item.Type == Standard.ItemType.String;

    /// <summary>Non-empty value counts per legacy column, for the customization report.</summary>
    public long[] ColumnNonEmpty { get; } = new long[compiled.Source.Columns.Count];

    public async Task<TableMapResult> MapAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var table = compiled.Table;
        var source = compiled.Source;
        var stagingPath = work.StagingFile(source.Id);
        var handed = handoffs?.Staged(source.Id);
        if (handed is null && !File.Exists(stagingPath))
            throw MigrateException.Usage($"{stagingPath}: no staging file for source '{source.Id}'; run 'migrate extract' first");
        using var rows = handed is null ? StagedRows.Open(work, stagingPath, source.Columns.Count) : StagedRows.Take(handed);

        var joins = new List<(CompiledJoin Join, JoinIndex Index)>();
        try
        {
            foreach (var join in compiled.Joins)
            {
                PrivateFiles.CreateDirectory(work.JoinIndexDirectory);
                var indexPath = Path.Combine(work.JoinIndexDirectory, $"{table.Id}.{join.Source.Id}.idx");
                var joinedPath = work.StagingFile(join.Source.Id);
                JoinIndex index;
                if (handoffs?.Staged(join.Source.Id) is { } joined)
                {
                    // In run, a source only this join reads is indexed from the extractor's records as they come.
                    using var joinedRows = StagedRows.Take(joined);
                    var key = join.Source.Columns.ToList().IndexOf(join.Definition.To);
                    index = await JoinIndex.BuildAsync(joinedRows, join.Source.Columns.Count, key, indexPath, cancellationToken);
                }
                else
                {
                    index = await JoinIndex.BuildAsync(joinedPath, join.Definition.To, indexPath, cancellationToken, work.RecordOf(joinedPath));
                }
                joins.Add((join, index));
            }
            return Map(rows, joins, clock, progress, cancellationToken);
        }
        finally
        {
            foreach (var (_, index) in joins) index.Dispose();
        }
    }

    /// <summary>What each join found, once <see cref="MapAsync(IProgress{long}, CancellationToken)"/> has run.</summary>
    public IReadOnlyList<JoinResult> JoinResults { get; private set; } = [];

    /// <summary>Joined sources' record counts and non-empty counts per column, for the customization report.</summary>
    public IReadOnlyDictionary<string, (long Records, IReadOnlyList<long> NonEmpty)> JoinedUsage { get; private set; } =
        new Dictionary<string, (long, IReadOnlyList<long>)>();

    /// <summary>
    /// The row loop. It reads and writes synchronously on purpose: per-record async calls on local
    /// files cost more than the mapping itself (measured with dotnet-trace), and this is CPU-bound work.
    /// </summary>
    private TableMapResult Map(StagedRows rows, List<(CompiledJoin Join, JoinIndex Index)> joins,
        Stopwatch clock, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var table = compiled.Table;
        var source = compiled.Source;
        var orphans = new long[joins.Count];
        var duplicates = new long[joins.Count];
        var joinProblems = new List<Problem>();
        var mappedPath = work.MappedFile(table.Id);
        var hashing = new HashingStream(PrivateFiles.Create(mappedPath));
        using var rejects = new RejectWriter(work.MapRejects(table.Id));
        var scope = new RowScope(compiled.ColumnIndex, observations);
        var filtered = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var critical = new List<string>();
        long read = 0, mapped = 0;
        var columnCount = source.Columns.Count;
        var values = new string?[compiled.View.Columns.Count];
        var output = new string?[table.Items.Count];
        var quote = new bool[output.Length];
        var outsideJis = new int[output.Length];
        Array.Fill(outsideJis, -1);
        var problems = new List<Problem>();

        using (var sink = new MappedRowWriter(new BackgroundWriteStream(hashing), table, handoffs?.Mapped(table.Id)))
        {
            while (rows.MoveNext(values))
            {
                cancellationToken.ThrowIfCancellationRequested();
                read++;
                for (var i = 0; i < columnCount; i++)
                {
                    if (values[i]!.Length > 0) ColumnNonEmpty[i]++;
                }

                joinProblems.Clear();
                for (var j = 0; j < joins.Count; j++)
                {
                    var (join, index) = joins[j];
                    var found = index.Find(values[join.OnIndex]);
                    for (var i = 0; i < join.Source.Columns.Count; i++) values[join.FirstColumn + i] = found?.Values[i];
                    if (found is null)
                    {
                        orphans[j]++;
                        // A record already orphaned by an earlier join has no key for the later ones: one reason is enough.
                        if (join.Definition.Orphans == Mapping.OrphanRule.Reject && !joinProblems.Exists(p => p.Code == ErrorCodes.JoinOrphan))
                            joinProblems.Add(new Problem(ErrorCodes.JoinOrphan,
                                $"no record of '{join.Source.Id}' ({join.Source.File}) has {join.Definition.To} equal to this record's {join.Definition.On}", null, join.Definition.On));
                    }
                    else if (found.Count > 1)
                    {
                        duplicates[j]++;
                        joinProblems.Add(new Problem(ErrorCodes.JoinDuplicateKey,
                            $"{found.Count} records of '{join.Source.Id}' ({join.Source.File}) have {join.Definition.To} equal to this record's {join.Definition.On}; the join needs exactly one", null, join.Definition.On));
                    }
                }

                if (MatchingFilter(values) is { } rule)
                {
                    filtered[rule] = filtered.GetValueOrDefault(rule) + 1;
                    _persons?.Lost(values, null, rows.Position, $"filter '{rule}'", filtered: true);
                    continue;
                }

                scope.Reset(values);
                problems.Clear();
                problems.AddRange(joinProblems);
                // An orphan's reason is the missing record, not every item that would have come from it.
                if (!joinProblems.Exists(p => p.Code == ErrorCodes.JoinOrphan)) MapRow(values, output, quote, outsideJis, scope, problems);
                else Array.Clear(output);
                if (problems.Count == 0)
                {
                    sink.Write(output, quote);
                    mapped++;
                    if (_jisChecked.Length > 0) CountOutsideJis(output, outsideJis);
                    // Only a critical table's rows need their line (to name an orphan); it is parsed for them alone.
                    _persons?.Loaded(output, _persons.NamesPersons ? rows.Position : default);
                }
                else
                {
                    var key = KeyOf(values, output);
                    if (IsCritical(values)) critical.Add(key);
                    // The record's source line and byte offset, carried by the staging file for rejects only.
                    var (line, offset) = rows.Position;
                    _persons?.Lost(values, HasProblemFor(problems, _persons.KeyItemId) ? null : output, (line, offset), problems[0].Code, filtered: false);
                    rejects.Write(new RejectRecord("map", source.Id, source.File, line, offset,
                        problems.Select(RejectWriter.Reason).ToList(), RecordOf(values), Key: key));
                }
                if ((read & 0x3FFF) == 0) progress?.Report(read);
            }
        }
        progress?.Report(read);
        JoinResults = joins.Select((x, j) => new JoinResult(x.Join.Source.Id, x.Join.Definition.On, x.Join.Definition.To,
            x.Index.Records, orphans[j], x.Index.Unmatched, duplicates[j])).ToList();
        JoinedUsage = joins.ToDictionary(x => x.Join.Source.Id, x => (x.Index.Records, x.Index.NonEmpty), StringComparer.Ordinal);

        return new TableMapResult(table.Id, source.Id, read, mapped, rejects.Count, filtered,
            new SortedDictionary<string, long>(rejects.ByReason, StringComparer.Ordinal),
            new SortedDictionary<string, long>(rejects.ByReasonAndItem, StringComparer.Ordinal),
            critical.Count > MaxCriticalListed ? [.. critical.Take(MaxCriticalListed), $"… and {critical.Count - MaxCriticalListed} more"] : critical,
            work.Relative(mappedPath), hashing.Sha256, clock.Elapsed.TotalSeconds)
        { Rejects = rejects.Complete(work) };
    }

    private string? MatchingFilter(string?[] values)
    {
        foreach (var (rule, index) in _filters)
            if (rule.Matches(values[index])) return rule.Name;
        return null;
    }

    /// <summary>
    /// Derives and validates one row into <paramref name="output"/>, and whether the CSV quotes each
    /// value into <paramref name="quote"/>.
    /// </summary>
    private void MapRow(string?[] values, string?[] output, bool[] quote, int[] outsideJis, RowScope scope, List<Problem> problems)
    {
        Array.Clear(output);
        var items = _items;
        // First derive every item, then fill 不詳 companions, then validate: a companion flag set by
        // its date must not be validated before it is written.
        foreach (var p in _derived)
        {
            var pipeline = items[p];
            var cell = new Cell(pipeline.SourceIndex >= 0 ? values[pipeline.SourceIndex] : null);
            var failed = false;
            foreach (var transform in _steps[p])
            {
                if (transform.TryApply(cell, scope, out cell, out var problem)) continue;
                problems.Add(problem!.WithItem(pipeline.Item.Id, pipeline.SourceColumn));
                failed = true;
                break;
            }
            if (failed) continue;
            output[pipeline.OutputIndex] = string.IsNullOrEmpty(cell.Value) ? null : cell.Value;
            if (pipeline.UnknownFlagIndex >= 0)
            {
                if (cell.DateUnknown)
                {
                    output[pipeline.UnknownFlagIndex] = "1";
                    output[pipeline.UnknownTextIndex] = cell.UnknownText;
                }
                else if (!items[pipeline.UnknownFlagIndex].HasDerivation && !cell.IsEmpty)
                {
                    output[pipeline.UnknownFlagIndex] = "0";
                }
            }
            if (pipeline.EraYearIndex >= 0 && cell.EraYear is not null && !items[pipeline.EraYearIndex].HasDerivation)
                output[pipeline.EraYearIndex] = cell.EraYear;
        }

        foreach (var p in _validatedItems)
        {
            var pipeline = items[p];
            var value = output[pipeline.OutputIndex];
            var before = problems.Count;
            quote[pipeline.OutputIndex] = false;
            outsideJis[pipeline.OutputIndex] = -1;
            // An empty optional item is NULL with nothing to check. The grown standard has about 30 such
            // items per person row in the vendor samples, which each cost a validator call per row.
            if (value is null && !pipeline.Item.Required) continue;
            // An item whose pipeline failed already has its reason; do not add "required" on top.
            if (value is null && pipeline.HasDerivation && HasProblemFor(problems, pipeline.Item.Id)) continue;
            if (value is null && pipeline.UnknownFlagIndex >= 0 && pipeline.Item.Type == Standard.ItemType.Date && output[pipeline.UnknownFlagIndex] == "1")
                continue; // a 不詳 date is carried by its flag and notation, not missing
            if (value is not null && _validated.TryGet(p, value, out var known))
            {
                output[pipeline.OutputIndex] = known.Value;
                quote[pipeline.OutputIndex] = known.Quote;
                outsideJis[pipeline.OutputIndex] = known.OutsideJis;
                continue;
            }
            var input = value;
            pipeline.Validator.Validate(ref value, problems);
            // A validator that accepts only values needing no quotes spares the look.
            var quoted = !pipeline.Validator.AcceptsOnlyUnquotedCsv && Utf8CsvWriter.NeedsQuotes(value);
            var outside = problems.Count == before && value is not null && ChecksJis(pipeline.Item) ? Text.JisCharacterSet.Instance.IndexOfOutside(value) : -1;
            if (problems.Count == before && input is not null) _validated.Set(p, input.AsMemory(), new Validated(value, quoted, outside));
            outsideJis[pipeline.OutputIndex] = outside;
            for (var i = before; i < problems.Count; i++) problems[i] = problems[i].WithItem(pipeline.Item.Id, pipeline.SourceColumn);
            output[pipeline.OutputIndex] = value;
            quote[pipeline.OutputIndex] = quoted;
        }
        if (!_rules.IsEmpty) _rules.Check(output, problems);
    }

    /// <summary>The items that can hold a value in some row, or must (required): every other one stays NULL unchecked.</summary>
    private static IEnumerable<int> ValidatedItems(IReadOnlyList<ItemPipeline> items)
    {
        var filled = new HashSet<int>();
        foreach (var pipeline in items.Where(p => p.HasDerivation))
        {
            if (pipeline.UnknownFlagIndex >= 0) filled.UnionWith([pipeline.UnknownFlagIndex, pipeline.UnknownTextIndex]);
            if (pipeline.EraYearIndex >= 0) filled.Add(pipeline.EraYearIndex);
        }
        return Enumerable.Range(0, items.Count).Where(i => items[i].HasDerivation || items[i].Item.Required || filled.Contains(i));
    }

    /// <summary>
    /// Characters of a loaded record that JIS X 0208/0213 does not hold are counted per item and code
    /// point for the report (they may be valid MJ characters, as 髙 is, so they load; they are not loaded unnoticed).
    /// </summary>
    private void CountOutsideJis(string?[] output, int[] outsideJis)
    {
        foreach (var i in _jisChecked)
            if (outsideJis[i] >= 0) observations.OutsideJisSeen(compiled.Table.Items[i].Id, output[i]!, outsideJis[i]);
    }

    private static bool HasProblemFor(List<Problem> problems, string itemId)
    {
        foreach (var problem in problems)
            if (problem.Item == itemId) return true;
        return false;
    }

    /// <summary>A record is critical when its table is, or when it carries a value for a critical item.</summary>
    private bool IsCritical(string?[] values)
    {
        if (compiled.Table.Critical) return true;
        foreach (var pipeline in compiled.Items)
        {
            if (!pipeline.Item.Critical || pipeline.SourceIndex < 0) continue;
            var raw = values[pipeline.SourceIndex];
            if (Integrity.PersonKey.IsSet(raw)) return true;
        }
        return false;
    }

    /// <summary>The record's key as the standard defines it (宛名番号 + 履歴番号): never a name.</summary>
    private string KeyOf(string?[] values, string?[] output)
    {
        var parts = new List<string>();
        foreach (var keyItem in compiled.Table.Key)
        {
            var pipeline = compiled.Items[compiled.Table.IndexOf(keyItem)];
            var value = output[pipeline.OutputIndex] ?? (pipeline.SourceIndex >= 0 ? values[pipeline.SourceIndex] : null);
            parts.Add($"{keyItem}={value}");
        }
        return string.Join(", ", parts);
    }

    private Dictionary<string, string?> RecordOf(string?[] values)
    {
        var record = new Dictionary<string, string?>(values.Length, StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++) record[compiled.View.Columns[i]] = values[i];
        return record;
    }
}
