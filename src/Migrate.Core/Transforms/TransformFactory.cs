using System.Globalization;
using Migrate.Core.Mapping;
using Migrate.Core.Standard;
using Migrate.Core.Text;
using Migrate.Core.Yaml;


namespace Migrate.Core.Transforms;

/// <summary>Builds transforms from the names users write in a mapping's <c>do:</c> lists.</summary>
internal static class TransformFactory
{
    private static readonly Dictionary<string, Func<TransformContext, ITransform>> Builders = new(StringComparer.Ordinal)
    {
        ["trim"] = c => { c.NoArgument(); return new TrimTransform(); },
        ["kana"] = c => { c.NoArgument(); return new KanaTransform(); },
        ["halfwidth-ascii"] = c => { c.NoArgument(); return new HalfWidthAsciiTransform(); },
        ["gaiji"] = c => { c.NoArgument(); return new GaijiTransform(c.Item.Id, c.Mapping.Gaiji); },
        ["default"] = c => new DefaultTransform(c.RequireScalarArgument("the default value")),
        ["constant"] = c => new ConstantTransform(c.RequireScalarArgument("the value")),
        ["remove"] = c => new ReplaceTransform(NotEmpty(c, c.RequireScalarArgument("the text to remove"), "the text to remove"), ""),
        ["replace"] = BuildReplace,
        ["pad"] = BuildPad,
        ["truncate"] = c => new TruncateTransform(c.Item.Id, InRange(c, ParseInt(c, c.RequireScalarArgument("the length")), "the length", 1, MaxWidth)),
        ["concat"] = BuildConcat,
        ["split"] = BuildSplit,
        ["code"] = BuildCode,
        ["wareki"] = BuildWareki,
        ["date"] = BuildDate,
    };

    public static IReadOnlyCollection<string> Names => Builders.Keys;

    public static ITransform Build(TransformContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Builders.TryGetValue(context.Spec.Name, out var build))
            throw Diagnostics.MigrateException.UsageAt(context.Spec.Position,
                $"unknown transform '{context.Spec.Name}'{DidYouMean.Hint(context.Spec.Name, Builders.Keys)}; known: {string.Join(", ", Builders.Keys.Order(StringComparer.Ordinal))}");
        return build(context);
    }

    /// <summary>Builds every pipeline of a mapping once, so parameter errors surface when the file is loaded.</summary>
    public static void CompileAll(MappingDefinition mapping, StandardDefinition standard, YamlFile yaml) =>
        CompileAll(mapping, standard, yaml, new Diagnostics.DiagnosticBag(stopAtFirst: true));

    /// <summary>As <see cref="CompileAll(MappingDefinition, StandardDefinition, YamlFile)"/>, recording every failing step in <paramref name="diagnostics"/>.</summary>
    public static void CompileAll(MappingDefinition mapping, StandardDefinition standard, YamlFile yaml, Diagnostics.DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var table in mapping.Tables)
        {
            var standardTable = standard.FindTable(table.TableId)!;
            var source = TableSources.View(mapping.Sources, table);
            foreach (var item in table.Items)
                foreach (var spec in item.Transforms)
                    diagnostics.Try(() => Build(new TransformContext(mapping, standard, standardTable.Find(item.ItemId)!, source, spec, yaml)));
        }
    }

    private static ITransform BuildReplace(TransformContext c)
    {
        var map = c.RequireMappingArgument("{ from: TEXT, to: TEXT }");
        c.Yaml.AllowOnly(map, "from", "to");
        return new ReplaceTransform(c.Yaml.RequireString(map, "from"), c.Yaml.String(map, "to") ?? "");
    }

    private static ITransform BuildPad(TransformContext c)
    {
        var map = c.RequireMappingArgument("{ width: N, char: \"0\", side: left|right }");
        c.Yaml.AllowOnly(map, "width", "char", "side");
        var padding = c.Yaml.String(map, "char") ?? " ";
        if (padding.Length != 1) throw c.Error("char must be one character");
        var side = c.Yaml.String(map, "side") ?? "left";
        if (side is not ("left" or "right")) throw c.Error($"side must be left or right, not '{side}'");
        var width = InRange(c, c.Yaml.Int(map, "width") ?? throw c.Error("needs width"), "width", 1, MaxWidth);
        return new PadTransform(width, padding[0], side == "left");
    }

    private static ITransform BuildConcat(TransformContext c)
    {
        var map = c.RequireMappingArgument("{ columns: [A, B], separator: \" \" }");
        c.Yaml.AllowOnly(map, "columns", "separator");
        var columnsNode = c.Yaml.Require(map, "columns");
        var columns = c.Yaml.StringList(map, "columns");
        if (columns.Count == 0) throw c.Error("list at least one column under 'columns'");
        foreach (var column in columns) SourceColumns.Check(c.Yaml, columnsNode, column, c.Source);
        return new ConcatTransform(columns, c.Yaml.String(map, "separator") ?? "");
    }

    private static ITransform BuildSplit(TransformContext c)
    {
        var map = c.RequireMappingArgument("{ separator: \" \", index: 0 }");
        c.Yaml.AllowOnly(map, "separator", "index", "required");
        var index = c.Yaml.Int(map, "index") ?? ParseInt(c, c.Yaml.String(map, "index") ?? "0");
        return new SplitTransform(c.Yaml.RequireString(map, "separator"), index, c.Yaml.Bool(map, "required", false));
    }

    /// <summary>The argument of <c>code:</c> that means "already the standard list's codes" (so no code table may be named so).</summary>
    public const string StandardCodes = "standard";

    private static ITransform BuildCode(TransformContext c)
    {
        var name = c.RequireScalarArgument("the code table name");
        if (name == StandardCodes)
        {
            if (c.Standard.FindCodeList(c.Item.CodeListId) is null)
                throw c.Error($"'code: {StandardCodes}' says the column holds the codes of the item's standard list, but {c.Item.Label} has no code list");
            return new StandardCodesTransform();
        }
        if (!c.Mapping.CodeTables.TryGetValue(name, out var table))
            throw c.Error($"no code table '{name}' under code_tables{DidYouMean.Hint(name, c.Mapping.CodeTables.Keys)}");
        var list = c.Standard.FindCodeList(c.Item.CodeListId);
        if (list is not null)
        {
            foreach (var (legacy, standardValue) in table.Values)
                if (!list.Contains(standardValue, c.Item.CodeChain) && !list.IsTooDeep(standardValue, c.Item.CodeChain))
                    throw c.Error($"code table '{name}' maps '{legacy}' to '{standardValue}', which is not in the standard list {list.Name} ({list.Id})");
            if (table.UnknownDefault is not null && !list.Contains(table.UnknownDefault, c.Item.CodeChain))
                throw c.Error($"code table '{name}' defaults unknown values to '{table.UnknownDefault}', which is not in the standard list {list.Name}");
        }
        var chain = c.Item.CodeChain;
        return new CodeTransform(c.Item.Id, table, list?.ChainOverflow is null ? null : v => list.IsTooDeep(v, chain) ? list.ChainOverflow : null);
    }

    private static ITransform BuildWareki(TransformContext c)
    {
        var name = c.RequireScalarArgument("the date format name");
        if (!c.Mapping.DateFormats.TryGetValue(name, out var format))
            throw c.Error($"no date format '{name}' under date_formats{DidYouMean.Hint(name, c.Mapping.DateFormats.Keys)}");
        try
        {
            return new WarekiTransform(new WarekiParser(format, c.Mapping.Eras), c.Item.Label, c.Item.Unknown is not null);
        }
        catch (FormatException e)
        {
            throw c.Error(e.Message);
        }
    }

    private static ITransform BuildDate(TransformContext c)
    {
        var pattern = c.RequireScalarArgument("a pattern such as yyyyMMdd");
        if (!pattern.Contains("yyyy", StringComparison.Ordinal) || !pattern.Contains("MM", StringComparison.Ordinal) || !pattern.Contains("dd", StringComparison.Ordinal))
            throw c.Error($"pattern '{pattern}' needs yyyy, MM and dd");
        return new GregorianDateTransform(pattern, c.Item.Label, c.Item.Unknown is not null);
    }

    /// <summary>
    /// The widest pad or truncation accepted. No standard item is longer; a larger number is a typo
    /// (pad: {width: 2147483647} allocated until the process died).
    /// </summary>
    private const int MaxWidth = 10_000;

    private static int InRange(TransformContext c, int value, string what, int min, int max) =>
        value >= min && value <= max ? value : throw c.Error($"{what} must be between {min} and {max:N0}, not {value}");

    private static string NotEmpty(TransformContext c, string value, string what) =>
        value.Length > 0 ? value : throw c.Error($"{what} must not be empty");

    private static int ParseInt(TransformContext c, string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw c.Error($"'{text}' is not a whole number");

}
