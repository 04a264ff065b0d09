using System.Globalization;
using Migrate.Core.Diagnostics;
using Migrate.Core.Extract;
using Migrate.Core.Standard;
using Migrate.Core.Text;
using Migrate.Core.Work;
using Migrate.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Mapping.Loading;

/// <summary>
/// Reads a mapping file and checks it against its standard. Every error names the mapping file,
/// line and column, says what is wrong and, for names, suggests the closest known one.
/// </summary>
internal static class MappingLoader
{
    private static readonly string[] TopLevelKeys =
        ["mapping_version", "extends", "vendor", "municipality", "municipality_name", "standard", "standard_version", "sources", "eras", "date_formats", "code_tables", "gaiji", "tables", "declared_customizations"];

    /// <summary>Loads a mapping (and what it <c>extends</c>); the first mistake stops with its file, line and column.</summary>
    /// <param name="formats">The source formats its <c>format:</c> values name (<see cref="SourceFormats.Default"/> when null).</param>
    public static MappingDefinition Load(string path, StandardDefinition standard, SourceFormats? formats = null) =>
        Read(path, standard, new DiagnosticBag(stopAtFirst: true), formats ?? SourceFormats.Default)!;

    /// <summary>
    /// Loads a mapping collecting every mistake into <paramref name="diagnostics"/> instead of stopping at
    /// the first (for <c>migrate check</c>). Returns null when the file cannot be read at all.
    /// </summary>
    public static MappingDefinition? Collect(string path, StandardDefinition standard, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        MappingDefinition? mapping = null;
        diagnostics.Try(() => mapping = Read(path, standard, diagnostics, SourceFormats.Default));
        return mapping;
    }

    private static MappingDefinition? Read(string path, StandardDefinition standard, DiagnosticBag bag, SourceFormats formats)
    {
        ArgumentNullException.ThrowIfNull(standard);
        var document = MappingDocument.Load(path);
        var yaml = document.Yaml;
        var root = yaml.Root;
        UnresolvedMarkers.Report(yaml, bag); // 'todo:' entries never load; they are reported and set aside
        bag.Try(() => yaml.AllowOnly(root, TopLevelKeys));

        bag.Try(() =>
        {
            var versionNode = yaml.Require(root, "mapping_version");
            if (yaml.Scalar(versionNode) != "1")
                throw yaml.Error(versionNode, $"mapping_version {yaml.Scalar(versionNode)} is not supported by this version of migrate (supported: 1)");
        });

        // A mapping for another standard or version cannot be checked item by item: stop here.
        var standardNode = yaml.Require(root, "standard");
        if (yaml.Scalar(standardNode) != standard.Id)
            throw yaml.Error(standardNode, $"this mapping is for standard '{yaml.Scalar(standardNode)}', but the standard given is '{standard.Id}'");
        var standardVersion = yaml.RequireString(root, "standard_version");
        if (standardVersion != standard.Version)
            throw yaml.Error(yaml.Require(root, "standard_version"), $"this mapping was written for {standard.Id} version {standardVersion}, but the standard is version {standard.Version}");

        var sources = bag.Try(() => ReadSources(yaml, yaml.Mapping(yaml.Require(root, "sources"), "sources"), formats), new Dictionary<string, SourceDefinition>(StringComparer.Ordinal));
        var eras = bag.Try(() => ReadEras(yaml, yaml.Get(root, "eras")), []);
        var dateFormats = bag.Try(() => ReadDateFormats(yaml, yaml.Get(root, "date_formats")), new Dictionary<string, DateFormatDefinition>(StringComparer.Ordinal));
        var codeTables = bag.Try(() => ReadCodeTables(yaml, yaml.Get(root, "code_tables"), bag), new Dictionary<string, CodeTableDefinition>(StringComparer.Ordinal));
        var gaiji = bag.Try(() => ReadGaiji(yaml, yaml.Get(root, "gaiji")), GaijiTable.Empty);
        var tables = bag.Try(() => ReadTables(yaml, yaml.Mapping(yaml.Require(root, "tables"), "tables"), standard, sources, bag), []);
        var declared = bag.Try(() => ReadDeclared(yaml, yaml.Get(root, "declared_customizations")), []);
        var vendor = bag.Try(() => yaml.RequireString(root, "vendor"), "");
        var municipality = bag.Try(() => yaml.String(root, "municipality"), null);
        var municipalityName = bag.Try(() => yaml.String(root, "municipality_name"), null);

        var mapping = new MappingDefinition(Path.GetFullPath(path), document.Sha256, vendor,
            municipality, standard.Id, standardVersion, sources, eras, dateFormats, codeTables, gaiji, tables, declared)
        {
            Document = document,
            MunicipalityName = municipalityName,
        };

        // Compile every pipeline once so that a wrong transform parameter fails here, at its line.
        Transforms.TransformFactory.CompileAll(mapping, standard, yaml, bag);
        return mapping;
    }

    /// <summary>Each source is read by the format its <c>format:</c> value names (csv when it has none), keys and options alike.</summary>
    private static Dictionary<string, SourceDefinition> ReadSources(YamlFile yaml, YamlMappingNode map, SourceFormats formats)
    {
        var sources = new Dictionary<string, SourceDefinition>(StringComparer.Ordinal);
        foreach (var (id, _, node) in yaml.Entries(map))
        {
            var s = yaml.Mapping(node, $"source '{id}'");
            var formatNode = yaml.Get(s, "format");
            var key = formatNode is null ? SourceFormats.DefaultKey : yaml.Scalar(formatNode);
            var format = formats.ForKey(key)
                ?? throw yaml.Error(formatNode ?? s, $"source '{id}': unknown format '{key}'{DidYouMean.Hint(key, formats.Keys)}; use {Either(formats.Keys)}");
            if (id.Contains('.', StringComparison.Ordinal))
                throw yaml.Error(node, $"source '{id}': a source name must not contain '.' (joined columns are written SOURCE.COLUMN)");
            sources[id] = format.ReadDefinition(yaml, id, key, s);
        }
        return sources;
    }

    /// <summary><c>a, b or c</c>.</summary>
    private static string Either(IReadOnlyList<string> names) =>
        names.Count < 2 ? string.Join("", names) : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    private static List<EraDefinition> ReadEras(YamlFile yaml, YamlNode? node)
    {
        var eras = new List<EraDefinition>();
        if (node is null) return eras;
        foreach (var item in yaml.Sequence(node, "eras").Children)
        {
            var e = yaml.Mapping(item, "an era");
            yaml.AllowOnly(e, "code", "letter", "name", "start", "end");
            var era = new EraDefinition(yaml.RequireString(e, "code"), yaml.String(e, "letter"), yaml.RequireString(e, "name"),
                yaml.Date(e, "start") ?? throw yaml.Error(e, "an era needs its first day under 'start'"), yaml.Date(e, "end"));
            if (era.End is { } end && end < era.Start)
                throw yaml.Error(yaml.Require(e, "end"), $"era '{era.Name}' ends ({end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}) before it starts ({era.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})");
            if (eras.FirstOrDefault(x => x.Code == era.Code) is { } sameCode)
                throw yaml.Error(yaml.Require(e, "code"), $"era code '{era.Code}' is used twice ({sameCode.Name} and {era.Name}); a date could not tell which era it means");
            if (era.Letter is not null && eras.FirstOrDefault(x => x.Letter == era.Letter) is { } sameLetter)
                throw yaml.Error(yaml.Require(e, "letter"), $"era letter '{era.Letter}' is used twice ({sameLetter.Name} and {era.Name})");
            eras.Add(era);
        }
        return eras;
    }

    private static Dictionary<string, DateFormatDefinition> ReadDateFormats(YamlFile yaml, YamlNode? node)
    {
        var result = new Dictionary<string, DateFormatDefinition>(StringComparer.Ordinal);
        if (node is null) return result;
        foreach (var (id, _, value) in yaml.Entries(yaml.Mapping(node, "date_formats")))
        {
            var d = yaml.Mapping(value, $"date format '{id}'");
            yaml.AllowOnly(d, "formats", "unknown_zero", "gregorian_from", "unknown_markers", "unknown_forms");
            var formats = yaml.StringList(d, "formats");
            if (formats.Count == 0) throw yaml.Error(d, $"date format '{id}': list at least one pattern under 'formats'");
            result[id] = new DateFormatDefinition(id, formats, yaml.Bool(d, "unknown_zero", false), yaml.Date(d, "gregorian_from"), yaml.StringList(d, "unknown_markers"))
            {
                UnknownForms = yaml.StringList(d, "unknown_forms"),
            };
        }
        return result;
    }

    private static Dictionary<string, CodeTableDefinition> ReadCodeTables(YamlFile yaml, YamlNode? node, DiagnosticBag bag)
    {
        var result = new Dictionary<string, CodeTableDefinition>(StringComparer.Ordinal);
        if (node is null) return result;
        foreach (var (id, key, value) in yaml.Entries(yaml.Mapping(node, "code_tables")))
        {
            bag.Try(() =>
            {
                var t = yaml.Mapping(value, $"code table '{id}'");
                yaml.AllowOnly(t, "values", "custom", "lossy", "unknown");
                if (id == Transforms.TransformFactory.StandardCodes)
                    throw yaml.Error(key, $"a code table cannot be called '{id}': 'code: {id}' means the column already holds the standard list's codes");
                var values = yaml.Entries(yaml.Mapping(yaml.Require(t, "values"), "values"))
                    .ToDictionary(e => e.Key, e => yaml.Scalar(e.Value), StringComparer.Ordinal);
                var custom = yaml.StringList(t, "custom").ToHashSet(StringComparer.Ordinal);
                var lossy = yaml.StringList(t, "lossy").ToHashSet(StringComparer.Ordinal);
                foreach (var v in custom.Concat(lossy))
                    if (!values.ContainsKey(v)) throw yaml.Error(t, $"code table '{id}': '{v}' is listed as custom or lossy but has no entry under 'values'");

                var rule = UnknownCodeRule.Reject;
                string? fallback = null;
                if (yaml.Get(t, "unknown") is { } unknownNode)
                {
                    if (unknownNode is YamlMappingNode m)
                    {
                        yaml.AllowOnly(m, "default");
                        rule = UnknownCodeRule.Default;
                        fallback = yaml.RequireString(m, "default");
                    }
                    else
                    {
                        rule = yaml.Scalar(unknownNode) switch
                        {
                            "reject" => UnknownCodeRule.Reject,
                            "keep" => UnknownCodeRule.Keep,
                            var other => throw yaml.Error(unknownNode, $"code table '{id}': unknown rule '{other}'; use reject, keep or {{ default: CODE }}"),
                        };
                    }
                }
                result[id] = new CodeTableDefinition(id, values, custom, lossy, rule, fallback);
            });
        }
        return result;
    }

    private static GaijiTable ReadGaiji(YamlFile yaml, YamlNode? node)
    {
        if (node is null) return GaijiTable.Empty;
        var g = yaml.Mapping(node, "gaiji");
        yaml.AllowOnly(g, "file", ConfinedPath.AllowKey, "unresolved", "table");
        var allowOutside = yaml.Bool(g, ConfinedPath.AllowKey, false);
        var rule = (yaml.String(g, "unresolved") ?? "reject") switch
        {
            "reject" => UnresolvedGaijiRule.Reject,
            "keep" => UnresolvedGaijiRule.Keep,
            var other => throw yaml.Error(yaml.Require(g, "unresolved"), $"gaiji: unknown rule '{other}' for unresolved 外字; use reject or keep"),
        };
        var entries = new Dictionary<int, GaijiEntry>();
        // 外字 table files first (in order, later ones win), then the inline table on top.
        if (yaml.Get(g, "file") is { } fileNode)
        {
            foreach (var fileName in yaml.StringList(g, "file"))
            {
                ConfinedPath.CheckWritten(yaml, fileNode, fileName, allowOutside, "gaiji: 外字 table file");
                var mappingDirectory = Path.GetDirectoryName(Path.GetFullPath(yaml.Path)) ?? ".";
                var filePath = Path.Combine(mappingDirectory, fileName);
                if (File.Exists(filePath)) filePath = ConfinedPath.Resolve(mappingDirectory, fileName, allowOutside, "gaiji: 外字 table file");
                if (!File.Exists(filePath))
                    throw yaml.Error(fileNode, $"gaiji: 外字 table file '{fileName}' not found (looked for {filePath}; paths are relative to the mapping file)");
                var gaijiFile = YamlFile.Load(filePath);
                gaijiFile.AllowOnly(gaijiFile.Root, "gaiji_version", "description", "table");
                if (gaijiFile.Get(gaijiFile.Root, "gaiji_version") is { } v && gaijiFile.Scalar(v) != "1")
                    throw gaijiFile.Error(v, $"gaiji_version {gaijiFile.Scalar(v)} is not supported (supported: 1)");
                ReadGaijiEntries(gaijiFile, gaijiFile.Require(gaijiFile.Root, "table"), entries);
            }
        }
        if (yaml.Get(g, "table") is { } tableNode) ReadGaijiEntries(yaml, tableNode, entries);
        return new GaijiTable(entries, rule);
    }

    private static void ReadGaijiEntries(YamlFile yaml, YamlNode tableNode, Dictionary<int, GaijiEntry> entries)
    {
        foreach (var (code, keyNode, value) in yaml.Entries(yaml.Mapping(tableNode, "gaiji table")))
        {
            var codePoint = ParseGaijiCode(code) ?? throw yaml.Error(keyNode,
                $"'{code}' is not a 外字 code: write the CP932 user-defined code (F040–F9FC) or U+E000–U+F8FF");
            entries[codePoint] = ReadGaijiEntry(yaml, code, codePoint, value);
        }
    }

    private static GaijiEntry ReadGaijiEntry(YamlFile yaml, string code, int codePoint, YamlNode value)
    {
        if (value is YamlScalarNode)
        {
            return yaml.Scalar(value) == "unresolved"
                ? new GaijiEntry(code, codePoint, GaijiResolution.Unresolved, null, null, null)
                : throw yaml.Error(value, $"外字 {code}: write 'unresolved' or a mapping with char, ivs, mj or fallback");
        }
        var e = yaml.Mapping(value, $"外字 {code}");
        yaml.AllowOnly(e, "char", "ivs", "mj", "fallback", "note");
        var character = yaml.String(e, "char");
        var fallback = yaml.String(e, "fallback");
        var note = yaml.String(e, "note");
        var mj = yaml.String(e, "mj");
        if (mj is not null && !(mj.Length == 8 && mj.StartsWith("MJ", StringComparison.Ordinal) && mj.AsSpan(2).ContainsAnyExceptInRange('0', '9') == false))
            throw yaml.Error(yaml.Require(e, "mj"), $"外字 {code}: mj must be an MJ 文字図形名 such as MJ012345");
        if (character is not null)
        {
            var ivs = yaml.String(e, "ivs");
            if (ivs is not null)
            {
                if (!int.TryParse(ivs.Replace("U+", "", StringComparison.Ordinal), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var selector)
                    || selector is < 0xE0100 or > 0xE01EF)
                    throw yaml.Error(yaml.Require(e, "ivs"), $"外字 {code}: ivs must be a variation selector E0100–E01EF");
                character += char.ConvertFromUtf32(selector);
            }
            return new GaijiEntry(code, codePoint, GaijiResolution.Identified, character, mj, note);
        }
        if (fallback is not null) return new GaijiEntry(code, codePoint, GaijiResolution.Reduced, fallback, mj, note);
        if (mj is not null)
            throw yaml.Error(e, $"外字 {code}: {mj} is identified by its MJ 文字図形名 only; this build has no MJ 文字情報 table, so also give the character it stands for under 'char' (with 'ivs' if it needs one)");
        throw yaml.Error(e, $"外字 {code}: give 'char' (同定) or 'fallback' (縮退), or write 'unresolved'");
    }

    private static int? ParseGaijiCode(string code)
    {
        if (code.StartsWith("U+", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(code.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp))
            return cp is >= 0xE000 and <= 0xF8FF ? cp : null;
        return code.Length == 4 && int.TryParse(code, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var sjis)
            ? GaijiTable.Cp932UserDefinedToCodePoint(sjis)
            : null;
    }

    private static List<TableMapping> ReadTables(YamlFile yaml, YamlMappingNode map, StandardDefinition standard, Dictionary<string, SourceDefinition> sources, DiagnosticBag bag)
    {
        var tables = new List<TableMapping>();
        foreach (var (tableId, keyNode, value) in yaml.Entries(map))
        {
            var table = standard.FindTable(tableId) ?? throw yaml.Error(keyNode,
                $"standard {standard.Id} has no table '{tableId}'{DidYouMean.Hint(tableId, standard.Tables.Select(t => t.Id))}");
            var t = yaml.Mapping(value, $"table '{tableId}'");
            yaml.AllowOnly(t, "from", "joins", "filters", "items");
            var fromNode = yaml.Require(t, "from");
            var from = yaml.Scalar(fromNode);
            if (!sources.ContainsKey(from))
                throw yaml.Error(fromNode, $"table '{tableId}' reads from '{from}', which is not a source{DidYouMean.Hint(from, sources.Keys)}");
            var joins = ReadJoins(yaml, tableId, from, yaml.Get(t, "joins"), sources);
            var source = TableSources.View(sources, new TableMapping(tableId, from, [], [], yaml.Position(t)) { Joins = joins });

            var filters = new List<FilterRule>();
            if (yaml.Get(t, "filters") is { } filtersNode)
            {
                foreach (var f in yaml.Sequence(filtersNode, "filters").Children)
                {
                    var fm = yaml.Mapping(f, "a filter");
                    yaml.AllowOnly(fm, "name", "column", "equals", "starts_with", "empty");
                    var column = RequireColumn(yaml, fm, "column", source);
                    bool? empty = yaml.Get(fm, "empty") is null ? null : yaml.Bool(fm, "empty", false);
                    var rule = new FilterRule(yaml.RequireString(fm, "name"), column, yaml.String(fm, "equals"), yaml.String(fm, "starts_with"), empty);
                    if (rule.EqualsValue is null && rule.StartsWith is null && rule.IsEmpty is null)
                        throw yaml.Error(fm, $"filter '{rule.Name}' needs a condition: equals, starts_with or empty");
                    filters.Add(rule);
                }
            }

            var items = new List<ItemDerivation>();
            foreach (var (itemId, itemKey, derivation) in yaml.Entries(yaml.Mapping(yaml.Require(t, "items"), "items")))
            {
                bag.Try(() =>
                {
                    if (table.Find(itemId) is null)
                        throw yaml.Error(itemKey, $"table '{tableId}' of standard {standard.Id} has no item '{itemId}'{DidYouMean.Hint(itemId, table.Items.Select(i => i.Id))}");
                    items.Add(ReadDerivation(yaml, itemId, derivation, source));
                });
            }
            tables.Add(new TableMapping(tableId, from, filters, items, yaml.Position(t)) { Joins = joins });
        }
        return tables;
    }

    /// <summary>
    /// <c>joins: [{ source: households, on: SETAI_NO, to: SETAI_NO, orphans: reject }]</c>: each join
    /// looks another source up by key; <c>on</c> may name a column of an earlier join as SOURCE.COLUMN.
    /// </summary>
    private static List<JoinDefinition> ReadJoins(YamlFile yaml, string tableId, string from, YamlNode? node, Dictionary<string, SourceDefinition> sources)
    {
        var joins = new List<JoinDefinition>();
        if (node is null) return joins;
        var available = new List<string>(sources[from].Columns);
        foreach (var item in yaml.Sequence(node, $"table '{tableId}': 'joins'").Children)
        {
            var j = yaml.Mapping(item, "a join");
            yaml.AllowOnly(j, "source", "on", "to", "orphans");
            var sourceNode = yaml.Require(j, "source");
            var joined = yaml.Scalar(sourceNode);
            if (!sources.TryGetValue(joined, out var joinedSource))
                throw yaml.Error(sourceNode, $"table '{tableId}' joins '{joined}', which is not a source{DidYouMean.Hint(joined, sources.Keys)}");
            if (joined == from || joins.Any(x => x.Source == joined))
                throw yaml.Error(sourceNode, $"table '{tableId}': source '{joined}' is already part of this table; each source can be joined once");
            var onNode = yaml.Require(j, "on");
            var on = yaml.Scalar(onNode);
            if (!available.Contains(on, StringComparer.Ordinal))
                throw yaml.Error(onNode, $"table '{tableId}': join key '{on}' is not a column of '{from}' or of an earlier join{DidYouMean.Hint(on, available)}");
            var toNode = yaml.Get(j, "to");
            var to = toNode is null ? TableSources.Split(on, from).Column : yaml.Scalar(toNode);
            if (!joinedSource.Columns.Contains(to, StringComparer.Ordinal))
                throw yaml.Error(toNode ?? onNode, $"source '{joined}' has no column '{to}' to join on{DidYouMean.Hint(to, joinedSource.Columns)}");
            var orphansNode = yaml.Get(j, "orphans");
            var orphans = (orphansNode is null ? "reject" : yaml.Scalar(orphansNode)) switch
            {
                "reject" => OrphanRule.Reject,
                "keep" => OrphanRule.Keep,
                var other => throw yaml.Error(orphansNode!, $"table '{tableId}': unknown orphan rule '{other}'; use reject (join.orphan) or keep (joined columns left empty)"),
            };
            joins.Add(new JoinDefinition(joined, on, to, orphans, yaml.Position(j)));
            available.AddRange(joinedSource.Columns.Select(c => TableSources.Qualified(joined, c)));
        }
        return joins;
    }

    private static ItemDerivation ReadDerivation(YamlFile yaml, string itemId, YamlNode node, SourceDefinition source)
    {
        if (node is YamlScalarNode)
        {
            var column = yaml.Scalar(node);
            SourceColumns.Check(yaml, node, column, source);
            return new ItemDerivation(itemId, column, [], yaml.Position(node));
        }
        var map = yaml.Mapping(node, $"item '{itemId}'");
        yaml.AllowOnly(map, "from", "do");
        var from = yaml.Get(map, "from") is null ? null : RequireColumn(yaml, map, "from", source);
        var transforms = new List<TransformSpec>();
        if (yaml.Get(map, "do") is { } doNode)
        {
            foreach (var step in yaml.Sequence(doNode, "'do'").Children)
            {
                switch (step)
                {
                    case YamlScalarNode s:
                        transforms.Add(new TransformSpec(yaml.Scalar(s), null, yaml.Position(s)));
                        break;
                    case YamlMappingNode m when m.Children.Count == 1:
                        var (name, nameNode, argument) = yaml.Entries(m).Single();
                        transforms.Add(new TransformSpec(name, argument, yaml.Position(nameNode)));
                        break;
                    default:
                        throw yaml.Error(step, "each step of 'do' is a transform name or one 'name: argument' pair");
                }
            }
        }
        if (from is null && transforms.Count == 0)
            throw yaml.Error(map, $"item '{itemId}': give the legacy column under 'from', or transforms under 'do' (constant, concat …)");
        return new ItemDerivation(itemId, from, transforms, yaml.Position(map));
    }

    private static string RequireColumn(YamlFile yaml, YamlMappingNode map, string key, SourceDefinition source)
    {
        var node = yaml.Require(map, key);
        var column = yaml.Scalar(node);
        SourceColumns.Check(yaml, node, column, source);
        return column;
    }

    private static List<DeclaredCustomization> ReadDeclared(YamlFile yaml, YamlNode? node)
    {
        var result = new List<DeclaredCustomization>();
        if (node is null) return result;
        foreach (var item in yaml.Sequence(node, "declared_customizations").Children)
        {
            var m = yaml.Mapping(item, "a declared customization");
            yaml.AllowOnly(m, "id", "title", "description");
            result.Add(new DeclaredCustomization(yaml.RequireString(m, "id"), yaml.RequireString(m, "title"), yaml.String(m, "description") ?? ""));
        }
        return result;
    }
}
