using System.Globalization;
using Migrate.Core.Mapping;
using Migrate.Core.Standard;
using Migrate.Core.Validation;

namespace Migrate.Core.Authoring;

/// <summary>
/// Drafts a mapping from profiled legacy files: each standard table takes the file whose column names
/// match most of its items; items match columns by name (the standard's names and synonyms) or by
/// content (every value passes the item's check digit); code tables list every distinct value found;
/// required items with no column get a placeholder that passes validation. Everything to review is
/// marked <c># TODO</c>. Only counts, lengths and code values go into the draft.
/// </summary>
public sealed class MappingDrafter(StandardDefinition standard, string vendor)
{
    private const string DateFormat = "legacy";
    private readonly List<ItemMatch> _matches = [];
    private readonly List<string> _unmatched = [];
    private readonly List<(string Id, StandardItem Item, ColumnProfile Column, CodeList List)> _codeTables = [];
    private int _todos;

    public IReadOnlyList<ItemMatch> Matches => _matches;
    public IReadOnlyList<string> UnmatchedColumns => _unmatched;
    public int Todos => _todos;

    /// <summary>Pairs tables with sources (best name matches first) and writes the draft YAML.</summary>
    public string Draft(IReadOnlyList<(string SourceId, SourceProfile Profile)> sources, string? onlyTable)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var tables = standard.Tables.Where(t => onlyTable is null || t.Id == onlyTable).ToList();
        var pairs = PairTables(tables, sources);
        using var w = new YamlDraftWriter();
        w.Comment($" Draft mapping written by 'migrate init' from {string.Join(", ", sources.Select(s => s.Profile.Format == SourceFormat.Database ? "table " + s.Profile.File : s.Profile.File))}.");
        w.Comment(" It loads and runs as it is; review every TODO before a real migration ('migrate check --source' helps).");
        w.BeginMap();
        w.Pair("mapping_version", "1").Pair("vendor", vendor).Pair("standard", standard.Id).Pair("standard_version", standard.Version, quoted: true);

        w.Scalar("sources").BeginMap();
        foreach (var (id, profile) in sources)
        {
            w.Scalar(id).BeginMap();
            switch (profile.Format)
            {
                case SourceFormat.Fixed:
                    WriteFixedSource(w, profile);
                    break;
                case SourceFormat.Database:
                    WriteDatabaseSource(w, profile);
                    break;
                default:
                    w.Pair("file", profile.File).Pair("format", profile.Delimiter == '\t' ? "tsv" : "csv").Pair("encoding", profile.Encoding);
                    if (profile.Delimiter is not (',' or '\t')) w.Pair("delimiter", profile.Delimiter.ToString(), quoted: true);
                    w.Pair("header", profile.Header ? "true" : "false");
                    w.Scalar("columns").BeginList(flow: true);
                    foreach (var c in profile.Columns) w.Scalar(c.Name);
                    w.EndList();
                    break;
            }
            w.EndMap();
            w.Comment(Invariant($" {profile.File}: {profile.Records:N0} records profiled, {profile.Unreadable:N0} unreadable"));
        }
        if (sources.Any(s => s.Profile.Format != SourceFormat.Delimited))
            w.Comment(" init drafts one file or table at a time: to join others (e.g. a household master), add them here and list them under the table's 'joins' by hand");
        w.EndMap();

        WriteEras(w);
        // Items are derived first: they decide which code tables are written.
        var itemsByTable = pairs.Select(p => (p.Table, p.SourceId, p.Profile, Items: DeriveItems(p.Table, p.Profile))).ToList();

        if (_codeTables.Count > 0)
        {
            w.Scalar("code_tables").BeginMap();
            foreach (var (id, item, column, list) in _codeTables) WriteCodeTable(w, id, item, column, list);
            w.EndMap();
        }

        w.Scalar("gaiji").BeginMap();
        var pua = itemsByTable.SelectMany(t => t.Profile.Columns).Sum(c => c.PrivateUse);
        w.Pair("unresolved", "reject");
        w.Comment(Invariant($" TODO: {pua:N0} values hold private-use characters (外字); identify each code under 'table' (char / fallback)"));
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
        w.EndMap();
        w.EndMap();
        return w.Finish();
    }

    /// <summary>The layout exactly as the user gave it: offsets always written, types and scales where they are not the default.</summary>
    private static void WriteFixedSource(YamlDraftWriter w, SourceProfile profile)
    {
        var layout = profile.Layout ?? throw new InvalidOperationException($"{profile.File}: a fixed-width profile without its layout");
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
    private void WriteDatabaseSource(YamlDraftWriter w, SourceProfile profile)
    {
        var spec = profile.Database ?? throw new InvalidOperationException($"{profile.File}: a database profile without its table");
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
                      let score = t.Items.Count(i => ColumnMatcher.ExactByName(i, s.Profile.Columns.Select(c => c.Name)) is not null)
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
        var used = new HashSet<string>(StringComparer.Ordinal);
        var companions = table.Items.Where(i => i.Unknown is not null).SelectMany(i => new[] { i.Unknown!.FlagItem, i.Unknown.TextItem }).ToHashSet(StringComparer.Ordinal);
        foreach (var item in table.Items)
        {
            if (companions.Contains(item.Id)) continue; // filled by their date's 不詳 handling
            var available = profile.Columns.Where(c => !used.Contains(c.Name)).ToList();
            var how = "name";
            var column = ColumnMatcher.ExactByName(item, available.Select(c => c.Name)) is { } byName ? available.First(c => c.Name == byName) : null;
            if (column is null && item.CheckDigit is { } rule)
            {
                column = available.FirstOrDefault(c => c.NonEmpty > 0 && c.CheckDigitValid.GetValueOrDefault(rule) == c.NonEmpty && c.MinLength == item.Length && c.MaxLength == item.Length);
                how = "content";
            }
            if (column is null)
            {
                if (!item.Required) continue;
                _todos++;
                _matches.Add(new ItemMatch(table.Id, item.Id, null, "placeholder"));
                var placeholder = Placeholder(item);
                items.Add((item.Id, w => w.BeginMap(flow: true).Scalar("do").BeginList(flow: true).BeginMap(flow: true).Pair("constant", placeholder, quoted: true).EndMap().EndList().EndMap(),
                    $"TODO: placeholder — no legacy column found for required {item.Name}"));
                continue;
            }
            used.Add(column.Name);
            _matches.Add(new ItemMatch(table.Id, item.Id, column.Name, how));
            items.Add(Derive(table, item, column, how));
        }
        return items;
    }

    private (string, Action<YamlDraftWriter>, string?) Derive(StandardTable table, StandardItem item, ColumnProfile column, string how)
    {
        var steps = new List<Action<YamlDraftWriter>>();
        var notes = new List<string>();
        if (how == "content") notes.Add($"matched by content: every value passes the {CheckDigitRules.Describe(item.CheckDigit!)}");
        void Step(string name) => steps.Add(w => w.Scalar(name));
        void StepWith(string name, string argument) => steps.Add(w => w.BeginMap(flow: true).Pair(name, argument, quoted: true).EndMap());

        switch (item.Type)
        {
            case ItemType.Date:
                Step("trim");
                if (column.WarekiLike * 2 > column.NonEmpty) StepWith("wareki", DateFormat);
                else if (column.GregorianCompact * 2 > column.NonEmpty) StepWith("date", "yyyyMMdd");
                else if (column.IsoDates < column.NonEmpty) { notes.Add("TODO: values are not ISO dates; add a wareki or date transform"); _todos++; }
                break;
            case ItemType.Code when standard.FindCodeList(item.CodeListId) is { } list && !column.DistinctOverflow:
                Step("trim");
                var id = $"{table.Id}_{item.Id}";
                if (_codeTables.Any(t => t.Id == id)) id += "_" + column.Name.ToLowerInvariant();
                _codeTables.Add((id, item, column, list));
                StepWith("code", id);
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
        if (item.Length is { } max && longest > max)
        {
            notes.Add($"TODO: legacy values are up to {longest} characters, the standard allows {max}");
            _todos++;
        }
        return (item.Id, w =>
        {
            w.BeginMap(flow: true).Pair("from", column.Name).Scalar("do").BeginList(flow: true);
            foreach (var step in steps) step(w);
            w.EndList().EndMap();
        }, notes.Count == 0 ? null : string.Join("; ", notes));
    }

    private void WriteCodeTable(YamlDraftWriter w, string id, StandardItem item, ColumnProfile column, CodeList list)
    {
        // The legacy values are taken as standard codes only when every one of them is a standard code.
        var identity = column.Values.Keys.All(v => list.Contains(v, item.CodeChain));
        w.Scalar(id).BeginMap();
        w.Comment(Invariant($" {item.Name} ({item.Id}) from column {column.Name}: {column.Values.Count} distinct values. Standard codes: ")
            + string.Join(", ", list.Values.Select(v => $"{v.Key} {v.Value}")));
        w.Scalar("values").BeginMap();
        foreach (var (legacy, count) in column.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var byName = list.Values.FirstOrDefault(v => v.Value == legacy).Key;
            var target = identity ? legacy : byName ?? list.Values.Keys.First();
            w.Scalar(legacy, quoted: true).Scalar(target, quoted: true);
            if (!identity && byName is null)
            {
                _todos++;
                w.Comment(Invariant($" TODO: placeholder ({count:N0} rows); pick the standard code"), inline: true);
            }
            else
            {
                w.Comment(Invariant($" {list.Describe(target)} ({count:N0} rows)"), inline: true);
            }
        }
        w.EndMap();
        w.Pair("unknown", "reject");
        w.EndMap();
    }

    private static void WriteEras(YamlDraftWriter w)
    {
        w.Comment(" TODO: check this vendor's era codes (1-digit codes 1-5 and letters M/T/S/H/R assumed)");
        w.Scalar("eras").BeginList();
        foreach (var (code, letter, name, start, end) in new[]
        {
            ("1", "M", "明治", "1868-01-25", "1912-07-30"), ("2", "T", "大正", "1912-07-30", "1926-12-25"),
            ("3", "S", "昭和", "1926-12-25", "1989-01-07"), ("4", "H", "平成", "1989-01-08", "2019-04-30"), ("5", "R", "令和", "2019-05-01", null),
        })
        {
            w.BeginMap(flow: true).Pair("code", code, quoted: true).Pair("letter", letter).Pair("name", name).Pair("start", start);
            if (end is not null) w.Pair("end", end);
            w.EndMap();
        }
        w.EndList();
        w.Scalar("date_formats").BeginMap().Scalar(DateFormat).BeginMap();
        w.Scalar("formats").BeginList(flow: true).Scalar("GYYMMDD").Scalar("GYY.MM.DD").EndList();
        w.Pair("unknown_zero", "true").Pair("gregorian_from", "1873-01-01");
        // The 不詳 forms of standard 1.1.8, kept as written: a draft reads typed 不詳 rather than rejecting it.
        w.Scalar("unknown_forms").BeginList(flow: true);
        foreach (var form in new[] { "年月日不詳", "EY年頃", "EY年不詳", "EY年月日不詳", "EY年M月日不詳", "EY年M月*" }) w.Scalar(form);
        w.EndList();
        w.EndMap().EndMap();
    }

    /// <summary>A value that passes the item's validation: type, characters, code list and check digit.</summary>
    private string Placeholder(StandardItem item)
    {
        if (standard.FindCodeList(item.CodeListId) is { } list) return list.Values.Keys.First();
        switch (item.Type)
        {
            case ItemType.Date: return "1900-01-01";
            case ItemType.Integer or ItemType.Decimal or ItemType.Flag: return "0";
        }
        if (item.CheckDigit is { } rule && item.Length is { } length)
        {
            for (var d = 0; d <= 9; d++)
            {
                var candidate = new string('0', length - 1) + d.ToString(CultureInfo.InvariantCulture);
                if (CheckDigitRules.IsValid(rule, candidate)) return candidate;
            }
        }
        return item.Chars switch
        {
            CharRule.Digits => "0",
            CharRule.Katakana => "ミテイ",
            _ => "TODO",
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
