using Migrate.Core.Diagnostics;
using Migrate.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Standard;

/// <summary>Reads a standard definition file and checks it is self-consistent.</summary>
internal static class StandardLoader
{
    public static StandardDefinition Load(string path)
    {
        if (!File.Exists(path)) throw MigrateException.Usage($"{path}: file not found");
        // Hashed from the very bytes parsed: the manifest's checksum is of the standard that was used.
        var bytes = File.ReadAllBytes(path);
        using var reader = new StreamReader(new MemoryStream(bytes));
        return Read(YamlFile.Parse(path, reader), Path.GetFullPath(path), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    /// <summary>A standard from its text (a standard bundled in the assembly); <paramref name="sourcePath"/> names it in errors and the manifest.</summary>
    public static StandardDefinition Load(string sourcePath, TextReader reader, string sha256) =>
        Read(YamlFile.Parse(sourcePath, reader), sourcePath, sha256);

    private static StandardDefinition Read(YamlFile yaml, string sourcePath, string sha256)
    {
        var root = yaml.Root;
        yaml.AllowOnly(root, "standard", "name", "english", "version", "tables", "code_lists", "persons");

        var codeLists = new Dictionary<string, CodeList>(StringComparer.Ordinal);
        if (yaml.Get(root, "code_lists") is { } listsNode)
        {
            foreach (var (id, _, value) in yaml.Entries(yaml.Mapping(listsNode, "code_lists")))
            {
                var map = yaml.Mapping(value, $"code list '{id}'");
                yaml.AllowOnly(map, "name", "values", "chain_joiner", "chainable", "chain_overflow");
                var values = yaml.Entries(yaml.Mapping(yaml.Require(map, "values"), "values"))
                    .ToDictionary(e => e.Key, e => yaml.Scalar(e.Value), StringComparer.Ordinal);
                var chainable = yaml.Get(map, "chainable") is null ? null : yaml.StringList(map, "chainable");
                var overflow = yaml.String(map, "chain_overflow");
                foreach (var code in (chainable ?? []).Append(overflow).OfType<string>())
                    if (!values.ContainsKey(code))
                        throw yaml.Error(map, $"code list '{id}': '{code}' under chainable or chain_overflow is not one of its values");
                codeLists[id] = new CodeList(id, yaml.RequireString(map, "name"), values, yaml.String(map, "chain_joiner"))
                {
                    Chainable = chainable?.ToHashSet(StringComparer.Ordinal),
                    ChainOverflow = overflow,
                };
            }
        }

        var tables = new List<StandardTable>();
        foreach (var tableNode in yaml.Sequence(yaml.Require(root, "tables"), "tables").Children)
            tables.Add(ReadTable(yaml, yaml.Mapping(tableNode, "a table"), codeLists));

        return new StandardDefinition(
            StandardIdentifier.Require(yaml, root, "standard", "standard"),
            yaml.RequireString(root, "name"),
            yaml.String(root, "english") ?? "",
            yaml.RequireString(root, "version"),
            tables,
            codeLists,
            sourcePath,
            sha256)
        {
            Persons = ReadPersons(yaml, root, tables),
        };
    }

    /// <summary><c>persons: { key: ITEM, table: TABLE }</c>: the table must exist and hold the key item.</summary>
    private static PersonLink? ReadPersons(YamlFile yaml, YamlMappingNode root, IReadOnlyList<StandardTable> tables)
    {
        if (yaml.Get(root, "persons") is not { } node) return null;
        var map = yaml.Mapping(node, "persons");
        yaml.AllowOnly(map, "key", "table");
        var key = yaml.RequireString(map, "key");
        var tableId = yaml.RequireString(map, "table");
        var table = tables.FirstOrDefault(t => t.Id == tableId)
            ?? throw yaml.Error(yaml.Require(map, "table"), $"persons: no table '{tableId}'{Text.DidYouMean.Hint(tableId, tables.Select(t => t.Id))}");
        if (table.Find(key) is null)
            throw yaml.Error(yaml.Require(map, "key"), $"persons: table '{tableId}' has no item '{key}'");
        return new PersonLink(key, tableId);
    }

    private static StandardTable ReadTable(YamlFile yaml, YamlMappingNode map, Dictionary<string, CodeList> codeLists)
    {
        yaml.AllowOnly(map, "id", "name", "english", "description", "key", "critical", "items", "rules");
        var id = StandardIdentifier.Require(yaml, map, "id", "table");
        var items = new List<StandardItem>();
        foreach (var itemNode in yaml.Sequence(yaml.Require(map, "items"), $"items of table '{id}'").Children)
            items.Add(ReadItem(yaml, yaml.Mapping(itemNode, "an item"), codeLists));

        var duplicate = items.GroupBy(i => i.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw yaml.Error(map, $"table '{id}' defines item '{duplicate.Key}' twice");

        var key = yaml.StringList(map, "key");
        foreach (var k in key)
            if (items.All(i => i.Id != k)) throw yaml.Error(yaml.Require(map, "key"), $"key item '{k}' is not an item of table '{id}'");

        foreach (var item in items.Where(i => i.Unknown is not null || i.EraYearItem is not null))
        {
            foreach (var companion in new[] { item.Unknown?.FlagItem, item.Unknown?.TextItem, item.EraYearItem }.OfType<string>())
                if (items.All(i => i.Id != companion))
                    throw MigrateException.Usage($"{item.Position}: item '{item.Id}' names '{companion}' for its 不詳 value, but table '{id}' has no such item");
        }

        return new StandardTable(id, yaml.RequireString(map, "name"), yaml.String(map, "english") ?? "",
            yaml.String(map, "description") ?? "", key, yaml.Bool(map, "critical", false), items)
        {
            Rules = ReadRules(yaml, map, id, items),
        };
    }

    private static List<RowRule> ReadRules(YamlFile yaml, YamlMappingNode table, string tableId, List<StandardItem> items)
    {
        var rules = new List<RowRule>();
        if (yaml.Get(table, "rules") is not { } node) return rules;
        foreach (var ruleNode in yaml.Sequence(node, $"rules of table '{tableId}'").Children)
        {
            var r = yaml.Mapping(ruleNode, "a rule");
            yaml.AllowOnly(r, "id", "description", "when", "required", "empty", "not_in", "only_in");
            var ruleId = yaml.RequireString(r, "id");
            var when = yaml.Mapping(yaml.Require(r, "when"), "when");
            yaml.AllowOnly(when, "item", "in");
            var rule = new RowRule(ruleId, yaml.String(r, "description") ?? "", yaml.RequireString(when, "item"),
                yaml.StringList(when, "in").ToHashSet(StringComparer.Ordinal), yaml.StringList(r, "required"), yaml.StringList(r, "empty"), ValueSets(yaml, r, "not_in"))
            {
                OnlyIn = ValueSets(yaml, r, "only_in"),
            };
            foreach (var named in rule.Required.Concat(rule.Empty).Concat(rule.NotIn.Keys).Concat(rule.OnlyIn.Keys).Append(rule.WhenItem))
                if (items.All(i => i.Id != named))
                    throw yaml.Error(r, $"rule '{ruleId}' of table '{tableId}' names '{named}', which is not an item of the table{Text.DidYouMean.Hint(named, items.Select(i => i.Id))}");
            rules.Add(rule);
        }
        return rules;
    }

    /// <summary><c>KEY: { item: [values] }</c> of a rule.</summary>
    private static Dictionary<string, IReadOnlySet<string>> ValueSets(YamlFile yaml, YamlMappingNode rule, string key)
    {
        var sets = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (yaml.Get(rule, key) is { } node)
            foreach (var (item, _, values) in yaml.Entries(yaml.Mapping(node, key)))
                sets[item] = values is YamlSequenceNode seq ? seq.Children.Select(yaml.Scalar).ToHashSet(StringComparer.Ordinal) : new HashSet<string> { yaml.Scalar(values) };
        return sets;
    }

    private static StandardItem ReadItem(YamlFile yaml, YamlMappingNode map, Dictionary<string, CodeList> codeLists)
    {
        yaml.AllowOnly(map, "id", "name", "english", "type", "length", "required", "codes", "chain", "chars", "check", "critical", "personal", "unknown", "era_year", "fixed_length", "pattern", "synonyms");
        var id = StandardIdentifier.Require(yaml, map, "id", "item");
        var typeNode = yaml.Require(map, "type");
        var type = yaml.Scalar(typeNode) switch
        {
            "string" => ItemType.String,
            "code" => ItemType.Code,
            "integer" => ItemType.Integer,
            "decimal" => ItemType.Decimal,
            "date" => ItemType.Date,
            "flag" => ItemType.Flag,
            var other => throw yaml.Error(typeNode, $"item '{id}': unknown type '{other}'; use string, code, integer, decimal, date or flag"),
        };

        var codes = yaml.String(map, "codes");
        if (codes is not null && !codeLists.ContainsKey(codes))
            throw yaml.Error(yaml.Require(map, "codes"), $"item '{id}': no code list '{codes}'{Text.DidYouMean.Hint(codes, codeLists.Keys)}");

        var charsNode = yaml.Get(map, "chars");
        var chars = charsNode is null ? CharRule.Any : yaml.Scalar(charsNode) switch
        {
            "any" => CharRule.Any,
            "digits" => CharRule.Digits,
            "katakana" => CharRule.Katakana,
            "ascii" => CharRule.Ascii,
            "standard" => CharRule.Standard,
            var other => throw yaml.Error(charsNode, $"item '{id}': unknown character rule '{other}'; use any, digits, katakana, ascii or standard"),
        };

        var check = yaml.String(map, "check");
        if (check is not null && !CheckDigitRules.IsKnown(check))
            throw yaml.Error(yaml.Require(map, "check"), $"item '{id}': unknown check-digit rule '{check}'{Text.DidYouMean.Hint(check, CheckDigitRules.Names)}");

        UnknownDateItems? unknown = null;
        if (yaml.Get(map, "unknown") is { } unknownNode)
        {
            var u = yaml.Mapping(unknownNode, "unknown");
            yaml.AllowOnly(u, "flag", "text");
            unknown = new UnknownDateItems(yaml.RequireString(u, "flag"), yaml.RequireString(u, "text"));
        }

        ItemPattern? pattern = null;
        if (yaml.Get(map, "pattern") is { } patternNode)
        {
            var p = yaml.Mapping(patternNode, "pattern");
            yaml.AllowOnly(p, "regex", "description");
            try
            {
                pattern = new ItemPattern(yaml.RequireString(p, "regex"), yaml.RequireString(p, "description"));
            }
            catch (ArgumentException e)
            {
                throw yaml.Error(yaml.Require(p, "regex"), $"item '{id}': the pattern is not a valid regular expression: {e.Message}");
            }
        }
        var fixedLength = yaml.Bool(map, "fixed_length", false);
        if (fixedLength && yaml.Int(map, "length") is null)
            throw yaml.Error(map, $"item '{id}': fixed_length needs the length under 'length'");

        return new StandardItem(id, yaml.RequireString(map, "name"), yaml.String(map, "english") ?? "", type,
            yaml.Int(map, "length"), yaml.Bool(map, "required", false), codes, yaml.Int(map, "chain") ?? 1, chars, check,
            yaml.Bool(map, "critical", false), yaml.Bool(map, "personal", false), unknown, yaml.Position(map))
        {
            Synonyms = yaml.StringList(map, "synonyms"),
            EraYearItem = yaml.String(map, "era_year"),
            FixedLength = fixedLength,
            Pattern = pattern,
        };
    }
}
