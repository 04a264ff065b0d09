using System.Globalization;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Extract.Database;
using Migrate.Core.Mapping;
using Migrate.Core.Standard;
using Migrate.Core.Text;
using Migrate.Core.Validation;

namespace Migrate.Core.Authoring;

/// <summary>
/// Drafts a mapping from profiled legacy files: each standard table takes the file whose headers match
/// most of its items; items match columns by header (<see cref="ItemAssignment"/>: the standard's
/// names, English IDs and synonyms, folded and compared by stem) or by content (every value passes the
/// item's check digit); code tables list every distinct value with its count and the standard's codes.
/// Where it cannot decide — a required or critical item with no column, a legacy code that names no
/// standard code, a date format it does not know, a critical table with no file — it writes an
/// unresolved marker (<c>todo: "…why…"</c>, see <see cref="Mapping.UnresolvedMarkers"/>) that
/// <c>check</c> reports and <c>run</c> refuses: nothing it guesses can load. Only counts, lengths and
/// code values go into the draft.
/// </summary>
internal sealed class MappingDrafter(StandardDefinition standard, string vendor)
{
    private const string DateFormat = "legacy";

    /// <summary>The common era codes the draft assumes (its eras: table, to check against the vendor's).</summary>
    private static readonly IReadOnlyList<EraDefinition> Eras =
    [
        new("1", "M", "明治", new DateOnly(1868, 1, 25), new DateOnly(1912, 7, 30)), new("2", "T", "大正", new DateOnly(1912, 7, 30), new DateOnly(1926, 12, 25)),
        new("3", "S", "昭和", new DateOnly(1926, 12, 25), new DateOnly(1989, 1, 7)), new("4", "H", "平成", new DateOnly(1989, 1, 8), new DateOnly(2019, 4, 30)),
        new("5", "R", "令和", new DateOnly(2019, 5, 1), null),
    ];

    /// <summary>The 不詳 forms of standard 1.1.8, kept as written: a draft reads typed 不詳 rather than rejecting it.</summary>
    private static readonly IReadOnlyList<string> UnknownForms = ["年月日不詳", "EY年頃", "EY年不詳", "EY年月日不詳", "EY年M月日不詳", "EY年M月*"];

    // Reads a 不詳 spelling with the draft's unknown forms only, to list as unknown_markers just the
    // spellings no form reads: a marker is matched first and would lose the era a form keeps (昭和44年).
    private readonly WarekiParser _unknownForms = new(new DateFormatDefinition(DateFormat, [], false, null, []) { UnknownForms = UnknownForms }, Eras);
    private readonly List<ItemMatch> _matches = [];
    private readonly List<string> _unmatched = [];
    private readonly List<(string Id, StandardItem Item, ColumnProfile Column, CodeList List)> _codeTables = [];
    private readonly List<string> _criticalUnresolved = [];
    private readonly List<string> _dateFormats = [];
    private readonly List<string> _unknownMarkers = [];
    private int _todos;
    private int _unresolved;

    public IReadOnlyList<ItemMatch> Matches => _matches;
    public IReadOnlyList<string> UnmatchedColumns => _unmatched;
    public int Todos => _todos;

    /// <summary>How many <c>todo:</c> markers the draft holds: decisions to make before it can run.</summary>
    public int Unresolved => _unresolved;

    /// <summary>The critical items and tables left unresolved, as named at the top of the draft.</summary>
    public IReadOnlyList<string> CriticalUnresolved => _criticalUnresolved;

    /// <summary>Pairs tables with sources (best name matches first) and writes the draft YAML.</summary>
    public string Draft(IReadOnlyList<(string SourceId, SourceProfile Profile)> sources, string? onlyTable)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var tables = standard.Tables.Where(t => onlyTable is null || t.Id == onlyTable).ToList();
        var pairs = PairTables(tables, sources);
        // Items are derived first: they decide which code tables are written and what the header names.
        var itemsByTable = pairs.Select(p => (p.Table, p.SourceId, p.Profile, Items: DeriveItems(p.Table, p.Profile))).ToList();
        var unpairedCritical = onlyTable is null ? tables.Where(t => t.Critical && pairs.All(p => p.Table != t)).ToList() : [];
        foreach (var table in unpairedCritical) _criticalUnresolved.Add($"table {table.Id} ({table.Name})");
        var codeTableText = new List<Action<YamlDraftWriter>>();
        foreach (var (id, item, column, list) in _codeTables) codeTableText.Add(w => WriteCodeTable(w, id, item, column, list));

        using var w = new YamlDraftWriter();
        w.Comment($" Draft mapping written by 'migrate init' from {string.Join(", ", sources.Select(s => s.Profile.Options is DatabaseSourceSpec ? "table " + s.Profile.File : s.Profile.File))}.");
        w.Comment(" Every 'todo:' entry is a decision init could not make: 'migrate check' lists each with its line, and 'run'");
        w.Comment(" refuses the mapping until every one is replaced by the answer. Review the other TODO comments too.");
        if (_criticalUnresolved.Count > 0)
        {
            w.Comment(" UNRESOLVED CRITICAL (支援措置 and other data the standard marks critical; losing it can endanger a person):");
            foreach (var name in _criticalUnresolved) w.Comment("   - " + name);
        }
        w.BeginMap();
        w.Pair("mapping_version", "1").Pair("vendor", vendor).Pair("standard", standard.Id).Pair("standard_version", standard.Version, quoted: true);

        w.Scalar("sources").BeginMap();
        foreach (var (id, profile) in sources)
        {
            w.Scalar(id).BeginMap();
            switch (profile.Options)
            {
                case FixedLayout layout:
                    WriteFixedSource(w, profile, layout);
                    break;
                case DatabaseSourceSpec spec:
                    WriteDatabaseSource(w, profile, spec);
                    break;
                case DelimitedOptions delimited:
                    w.Pair("file", profile.File).Pair("format", delimited.Delimiter == '\t' ? "tsv" : "csv").Pair("encoding", profile.Encoding);
                    if (delimited.Delimiter is not (',' or '\t')) w.Pair("delimiter", delimited.Delimiter.ToString(), quoted: true);
                    w.Pair("header", delimited.Header ? "true" : "false");
                    w.Scalar("columns").BeginList(flow: true);
                    foreach (var c in profile.Columns) w.Scalar(c.Name);
                    w.EndList();
                    break;
                default:
                    throw new InvalidOperationException($"{profile.File}: init does not draft a {profile.Format} source");
            }
            w.EndMap();
            w.Comment(Invariant($" {profile.File}: {profile.Records:N0} records profiled, {profile.Unreadable:N0} unreadable"));
        }
        if (sources.Any(s => s.Profile.Options is not DelimitedOptions))
            w.Comment(" init drafts one file or table at a time: to join others (e.g. a household master), add them here and list them under the table's 'joins' by hand");
        w.EndMap();

        WriteEras(w);

        if (codeTableText.Count > 0)
        {
            w.Scalar("code_tables").BeginMap();
            foreach (var write in codeTableText) write(w);
            w.EndMap();
        }

        w.Scalar("gaiji").BeginMap();
        var pua = itemsByTable.SelectMany(t => t.Profile.Columns).Sum(c => c.PrivateUse);
        w.Pair("unresolved", "reject");
        if (pua > 0) w.Comment(Invariant($" TODO: {pua:N0} values hold private-use characters (外字); identify each code under 'table' (char / fallback); until then their rows are rejected"));
        w.Scalar("table").BeginMap().EndMap();
        w.EndMap();

        w.Scalar("tables").BeginMap();
        foreach (var (table, sourceId, profile, items) in itemsByTable)
        {
            w.Scalar(table.Id).BeginMap();
            w.Pair("from", sourceId);
            w.Scalar("items").BeginMap();
            foreach (var (itemId, write, comment) in items)
            {
                w.Scalar(itemId);
                write(w);
                if (comment is not null) w.Comment(" " + comment, inline: true);
            }
            w.EndMap();
            w.EndMap();
            foreach (var column in profile.Columns.Where(c => !_matches.Any(m => m.TableId == table.Id && m.Column == c.Name)))
            {
                _unmatched.Add($"{profile.File}:{column.Name}");
                w.Comment(Invariant($" Candidate customization: column {column.Name} ({column.InferredType}, {100 - column.NullRate * 100:0.#}% filled, length {column.MinLength}-{column.MaxLength}) matches no item of {table.Id}"));
            }
        }
        foreach (var table in unpairedCritical)
        {
            _unresolved++;
            var keys = string.Join(", ", table.Items.Where(i => i.Required).Select(i => i.Name));
            w.Scalar(table.Id).BeginMap(flow: true).Pair(UnresolvedMarkers.Key,
                $"critical table {table.Name} ({table.Id}): no legacy file matched its items ({keys}); add its file under 'sources' and map it here (from, items) (check fails while a critical table of the standard is unmapped)",
                quoted: true).EndMap();
        }
        w.EndMap();
        w.EndMap();
        return w.Finish();
    }

    /// <summary>The layout exactly as the user gave it: offsets always written, types and scales where they are not the default.</summary>
    private static void WriteFixedSource(YamlDraftWriter w, SourceProfile profile, FixedLayout layout)
    {
        w.Pair("file", profile.File).Pair("format", "fixed").Pair("encoding", profile.Encoding);
        w.Pair("separator", layout.Separator switch
        {
            RecordSeparator.CrLf => "crlf",
            RecordSeparator.Lf => "lf",
            RecordSeparator.None => "none",
            _ => "auto",
        });
        w.Pair("record_length", layout.RecordLength.ToString(CultureInfo.InvariantCulture));
        w.Scalar("fields").BeginList();
        foreach (var field in layout.Fields)
        {
            w.BeginMap(flow: true).Pair("name", field.Name)
                .Pair("offset", field.Offset.ToString(CultureInfo.InvariantCulture))
                .Pair("length", field.Length.ToString(CultureInfo.InvariantCulture));
            if (field.Type != FixedFieldType.Text)
            {
                w.Pair("type", field.Type switch
                {
                    FixedFieldType.Zoned => "zoned",
                    FixedFieldType.Packed => "packed",
                    _ => "era-date",
                });
            }
            if (field.Scale > 0) w.Pair("scale", field.Scale.ToString(CultureInfo.InvariantCulture));
            w.EndMap();
        }
        w.EndList();
    }

    /// <summary>The table and its columns; never the connection, which is given on the command line.</summary>
    private void WriteDatabaseSource(YamlDraftWriter w, SourceProfile profile, DatabaseSourceSpec spec)
    {
        w.Comment(" The connection is never written here: give --source-connection sqlite:PATH, postgres:…, sqlserver:… or env:VARIABLE to run");
        w.Pair("format", "database");
        if (spec.Schema is not null) w.Pair("schema", spec.Schema);
        w.Pair("table", spec.Table!);
        if (spec.OrderBy.Count > 0)
        {
            w.Scalar("order_by").BeginList(flow: true);
            foreach (var c in spec.OrderBy) w.Scalar(c);
            w.EndList();
        }
        else
        {
            _todos++;
            w.Comment(" TODO: add order_by: [PRIMARY-KEY] so that every database reads the rows in the same order");
        }
        w.Scalar("columns").BeginList(flow: true);
        foreach (var c in profile.Columns) w.Scalar(c.Name);
        w.EndList();
    }

    private static List<(StandardTable Table, string SourceId, SourceProfile Profile)> PairTables(List<StandardTable> tables, IReadOnlyList<(string SourceId, SourceProfile Profile)> sources)
    {
        var scored = (from t in tables
                      from s in sources
                      let score = new ItemAssignment(t.Items, s.Profile.Columns.Select(c => c.Name).ToList()).Count
                      where score > 0
                      orderby score descending
                      select (t, s.SourceId, s.Profile, score)).ToList();
        var result = new List<(StandardTable, string, SourceProfile)>();
        foreach (var (table, sourceId, profile, _) in scored)
        {
            if (result.Any(r => r.Item1 == table || r.Item2 == sourceId)) continue;
            result.Add((table, sourceId, profile));
        }
        return result.OrderBy(r => tables.IndexOf(r.Item1)).ToList();
    }

    private List<(string ItemId, Action<YamlDraftWriter> Write, string? Comment)> DeriveItems(StandardTable table, SourceProfile profile)
    {
        var items = new List<(string, Action<YamlDraftWriter>, string?)>();
        var companions = table.Items.Where(i => i.Unknown is not null).SelectMany(i => new[] { i.Unknown!.FlagItem, i.Unknown.TextItem }).ToHashSet(StringComparer.Ordinal);
        var candidates = table.Items.Where(i => !companions.Contains(i.Id)).ToList();
        var assignment = new ItemAssignment(candidates, profile.Columns.Select(c => c.Name).ToList());
        var used = candidates.Select(i => assignment.Of(i.Id)?.Column).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var item in candidates)
        {
            ColumnProfile? column = null;
            var how = "name";
            var confidence = 1.0;
            if (assignment.Of(item.Id) is { } match)
            {
                column = profile.Columns.First(c => c.Name == match.Column);
                confidence = match.Confidence;
            }
            else if (item.CheckDigit is { } rule && assignment.Candidates(item.Id).Count == 0)
            {
                column = profile.Columns.FirstOrDefault(c => !used.Contains(c.Name) && c.NonEmpty > 0 && c.CheckDigitValid.GetValueOrDefault(rule) == c.NonEmpty && c.MinLength == item.Length && c.MaxLength == item.Length);
                how = "content";
                if (column is not null) used.Add(column.Name);
            }
            if (column is null)
            {
                var rivals = assignment.Candidates(item.Id);
                // Required only for some rows (外国人住民's 第30条45規定区分): as much a decision as a required item.
                var requiredWhen = table.Rules.FirstOrDefault(r => r.Required.Contains(item.Id, StringComparer.Ordinal));
                if (!item.Required && !item.Critical && requiredWhen is null && rivals.Count == 0) continue;
                var reason = rivals.Count > 0
                    ? $"columns {string.Join(" and ", rivals)} match {item.Name} equally well; name the right one under 'from' (with its transforms under 'do')"
                    : !item.Required && !item.Critical && requiredWhen is not null
                        ? $"no legacy column found for {item.Name} ({item.Id}), which the standard requires when {requiredWhen.WhenItem} is {string.Join(" or ", requiredWhen.WhenValues.Order(StringComparer.Ordinal))} ({requiredWhen.Description}); name the column under 'from' (with its transforms under 'do'), or delete this line if no such rows are migrated"
                        : $"no legacy column found for {(item.Critical ? "critical" : "required")} {item.Name} ({item.Id}); name the column under 'from' (with its transforms under 'do'){(item.Critical ? ", or confirm with the municipality where this data is kept" : "")}";
                if (!item.Required && !item.Critical)
                {
                    // An optional item with two equally good columns: left out, both named for review.
                    _todos++;
                    items.Add((item.Id, w => w.BeginMap(flow: true).Pair(UnresolvedMarkers.Key, reason, quoted: true).EndMap(), null));
                    _unresolved++;
                    _matches.Add(new ItemMatch(table.Id, item.Id, null, "unresolved"));
                    continue;
                }
                _unresolved++;
                if (item.Critical) _criticalUnresolved.Add($"{table.Id}.{item.Id} ({item.Name})");
                _matches.Add(new ItemMatch(table.Id, item.Id, null, "unresolved"));
                items.Add((item.Id, w => w.BeginMap(flow: true).Pair(UnresolvedMarkers.Key, reason, quoted: true).EndMap(), null));
                continue;
            }
            _matches.Add(new ItemMatch(table.Id, item.Id, column.Name, how) { Confidence = Math.Round(confidence, 2) });
            items.Add(Derive(table, item, column, how, confidence));
        }
        return items;
    }

    private (string, Action<YamlDraftWriter>, string?) Derive(StandardTable table, StandardItem item, ColumnProfile column, string how, double confidence)
    {
        var steps = new List<Action<YamlDraftWriter>>();
        var notes = new List<string>();
        string? todo = null;
        if (how == "content") notes.Add($"matched by content: every value passes the {CheckDigitRules.Describe(item.CheckDigit!)}");
        else if (confidence < HeaderMatcher.Exact) notes.Add(Invariant($"matched by name, confidence {confidence:0.00}: header {column.Name} ~ {item.Name}; confirm"));
        void Step(string name) => steps.Add(w => w.Scalar(name));
        void StepWith(string name, string argument) => steps.Add(w => w.BeginMap(flow: true).Pair(name, argument, quoted: true).EndMap());

        switch (item.Type)
        {
            case ItemType.Date:
                Step("trim");
                // Only dates in a pattern need it: a typed 不詳 (昭和３０年頃) is read by the unknown forms as written.
                var fold = column.FullWidthDates > 0;
                if (fold) Step("halfwidth-ascii");
                var patterns = column.DatePatterns.Keys.ToList();
                if (column.NonEmpty == 0) break;
                if (patterns.All(p => p == DatePatterns.Iso) && column.UnknownDates.Count == 0 && column.DateLike == column.NonEmpty)
                {
                    StepWith("date", "yyyy-MM-dd"); // ISO already: read as a date all the same, so a bad day is a reject with its reason
                    break;
                }
                if (column.DateLike * 2 <= column.NonEmpty)
                {
                    todo = Invariant($"most values of column {column.Name} are not in a date format init recognises ({column.InferredType}); add the transform that reads them ({{ wareki: FORMAT }} or {{ date: PATTERN }}) to 'do'");
                    break;
                }
                if (patterns.All(p => p == DatePatterns.Compact) && column.UnknownDates.Count == 0)
                {
                    StepWith("date", "yyyyMMdd");
                    break;
                }
                // Everything else, 和暦 and 西暦 mixed in one column included, goes through one date format.
                foreach (var p in patterns.Where(p => !_dateFormats.Contains(p))) _dateFormats.Add(p);
                var markers = 0L;
                foreach (var (spelling, count) in column.UnknownDates)
                {
                    var written = fold ? DatePatterns.FoldDigits(spelling) : spelling;
                    if (ReadByUnknownForms(written)) continue;
                    markers += count;
                    if (!_unknownMarkers.Contains(written)) _unknownMarkers.Add(written);
                }
                StepWith("wareki", DateFormat);
                if (column.UnknownDates.Count > 0)
                    notes.Add(Invariant($"{column.UnknownDates.Values.Sum():N0} 不詳 values kept word for word through unknown_forms{(markers > 0 ? $" ({markers:N0} through unknown_markers)" : "")}"));
                break;
            case ItemType.Code when standard.FindCodeList(item.CodeListId) is { } list && !column.DistinctOverflow:
                Step("trim");
                var id = $"{table.Id}_{item.Id}";
                if (_codeTables.Any(t => t.Id == id)) id += "_" + column.Name.ToLowerInvariant();
                _codeTables.Add((id, item, column, list));
                StepWith("code", id);
                break;
            case ItemType.Code when standard.FindCodeList(item.CodeListId) is not null:
                todo = Invariant($"column {column.Name} holds more than {ColumnProfiler.MaxDistinct:N0} distinct values, too many for a code of {item.Name}; check that this is the right column");
                break;
            case ItemType.Flag:
                Step("trim");
                StepWith("default", "0");
                break;
            case ItemType.String:
                Step("trim");
                if (item.Chars == CharRule.Katakana && column.HalfWidthKana > 0) Step("kana");
                if (column.PrivateUse > 0) Step("gaiji");
                if (item.Chars == CharRule.Digits && column.DigitsAndHyphens > 0) StepWith("remove", "-");
                break;
            default:
                Step("trim");
                break;
        }
        var longest = item.Chars == CharRule.Digits && column.DigitsAndHyphens > 0 ? column.MaxLength - 1 : column.MaxLength;
        // A code's length is the standard code's, whatever the legacy value it is looked up by.
        if (item.Length is { } max && longest > max && item.Type != ItemType.Code)
        {
            notes.Add($"TODO: legacy values are up to {longest} characters, the standard allows {max}: such rows are rejected");
            _todos++;
        }
        if (todo is not null) _unresolved++;
        return (item.Id, w =>
        {
            w.BeginMap(flow: true).Pair("from", column.Name).Scalar("do").BeginList(flow: true);
            foreach (var step in steps) step(w);
            w.EndList();
            if (todo is not null) w.Pair(UnresolvedMarkers.Key, todo, quoted: true);
            w.EndMap();
        }, notes.Count == 0 ? null : string.Join("; ", notes));
    }

    /// <summary>Whether an unknown form reads the spelling, or names it and rejects it with a reason (昭和99年頃).</summary>
    private bool ReadByUnknownForms(string spelling) =>
        _unknownForms.TryParse(spelling, out _, out var problem) || problem?.Code != ErrorCodes.DateFormat;

    private void WriteCodeTable(YamlDraftWriter w, string id, StandardItem item, ColumnProfile column, CodeList list)
    {
        // The legacy values are taken as standard codes only when every one of them is a standard code.
        var identity = column.Values.Keys.All(v => list.Contains(v, item.CodeChain));
        w.Scalar(id).BeginMap();
        w.Comment(Invariant($" {item.Name} ({item.Id}) from column {column.Name}: {column.Values.Count} distinct values. Standard codes: ")
            + string.Join(", ", list.Values.Select(v => $"{v.Key} {v.Value}")));
        if (identity) w.Comment(" Every legacy value is one of the standard's codes, so each is taken as that code: confirm the meanings agree.");
        w.Scalar("values").BeginMap();
        foreach (var (legacy, count) in column.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var target = identity ? legacy : CodeNames.Exact(list, legacy, item.CodeChain);
            w.Scalar(legacy, quoted: true);
            if (target is not null)
            {
                w.Scalar(target, quoted: true);
                w.Comment(Invariant($" {list.Describe(target)} ({count:N0} rows){(identity ? "" : ", by name")}"), inline: true);
                continue;
            }
            _unresolved++;
            var candidates = CodeNames.Candidates(list, legacy);
            var why = candidates.Count > 0
                ? Invariant($"{count:N0} rows; candidates by name: {string.Join(", ", candidates.Select(c => $"{c} {list.Values[c]}"))}; write the standard code")
                : Invariant($"{count:N0} rows; no standard code has this name: write the standard code it stands for (listed above)");
            w.BeginMap(flow: true).Pair(UnresolvedMarkers.Key, why, quoted: true).EndMap();
        }
        w.EndMap();
        w.Pair("unknown", "reject");
        w.EndMap();
    }

    private void WriteEras(YamlDraftWriter w)
    {
        w.Comment(" TODO: check this vendor's era codes (the common 1-digit codes 1-5, letters M/T/S/H/R and kanji era names are assumed)");
        w.Scalar("eras").BeginList();
        foreach (var era in Eras)
        {
            w.BeginMap(flow: true).Pair("code", era.Code, quoted: true).Pair("letter", era.Letter!).Pair("name", era.Name).Pair("start", IsoDate(era.Start));
            if (era.End is { } end) w.Pair("end", IsoDate(end));
            w.EndMap();
        }
        w.EndList();
        w.Scalar("date_formats").BeginMap().Scalar(DateFormat).BeginMap();
        // The patterns the profiled date columns use (a column mixing 和暦 and 西暦 needs both).
        var formats = _dateFormats.Count > 0 ? _dateFormats.Order(StringComparer.Ordinal).ToList() : [DatePatterns.EraCompact, DatePatterns.EraDotted];
        w.Scalar("formats").BeginList(flow: true);
        foreach (var f in formats) w.Scalar(f);
        w.EndList();
        if (formats.Any(f => f is DatePatterns.EraCompact or DatePatterns.EraDotted)) w.Pair("unknown_zero", "true");
        w.Pair("gregorian_from", "1873-01-01");
        if (_unknownMarkers.Count > 0)
        {
            w.Comment(" 不詳 spellings found in the data that no unknown_forms entry reads: kept as written (不詳表記) with the 不詳 flag set");
            w.Scalar("unknown_markers").BeginList(flow: true);
            foreach (var u in _unknownMarkers.Order(StringComparer.Ordinal)) w.Scalar(u, quoted: true);
            w.EndList();
        }
        w.Scalar("unknown_forms").BeginList(flow: true);
        foreach (var form in UnknownForms) w.Scalar(form);
        w.EndList();
        w.EndMap().EndMap();
    }

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
