using Migrate.Core.Mapping;
using Migrate.Core.Standard;
using Migrate.Core.Transforms;
using Migrate.Core.Validation;
using Migrate.Core.Yaml;

namespace Migrate.Core.Map;

/// <summary>A table mapping with its pipelines built and its columns resolved to positions in the staging file.</summary>
internal sealed class CompiledTable
{
    private CompiledTable(StandardTable table, TableMapping mapping, SourceDefinition source, IReadOnlyList<ItemPipeline> items,
        IReadOnlyList<(FilterRule Rule, int Index)> filters, IReadOnlySet<string> usedColumns, IReadOnlyDictionary<string, int> columnIndex)
    {
        Table = table;
        Mapping = mapping;
        Source = source;
        View = source;
        Items = items;
        Filters = filters;
        UsedColumns = usedColumns;
        ColumnIndex = columnIndex;
    }

    public StandardTable Table { get; }
    public TableMapping Mapping { get; }
    public SourceDefinition Source { get; }

    /// <summary>The source with its joins: its columns followed by every joined source's columns as SOURCE.COLUMN.</summary>
    public SourceDefinition View { get; private init; }

    /// <summary>The table's joins, in order, with the position of their key and of their first column in a row.</summary>
    public IReadOnlyList<CompiledJoin> Joins { get; private init; } = [];

    /// <summary>The standard's rules between items of a row (住民種別 and the items it allows).</summary>
    public CompiledRowRules Rules { get; private init; } = null!;

    /// <summary>One pipeline per standard item, in the standard's layout order (items with no derivation included).</summary>
    public IReadOnlyList<ItemPipeline> Items { get; }
    public IReadOnlyList<(FilterRule Rule, int Index)> Filters { get; }
    public IReadOnlySet<string> UsedColumns { get; }

    /// <summary>Legacy column name → index in a staging row (after the line and offset columns).</summary>
    public IReadOnlyDictionary<string, int> ColumnIndex { get; }

    public static CompiledTable Compile(MappingDefinition mapping, StandardDefinition standard, TableMapping tableMapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(tableMapping);
        var table = standard.FindTable(tableMapping.TableId)!;
        var source = mapping.Sources[tableMapping.From];
        var view = TableSources.View(mapping.Sources, tableMapping);
        var columnIndex = view.Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var joins = new List<CompiledJoin>();
        var next = source.Columns.Count;
        foreach (var join in tableMapping.Joins)
        {
            var joined = mapping.Sources[join.Source];
            joins.Add(new CompiledJoin(join, joined, columnIndex[join.On], next));
            next += joined.Columns.Count;
        }
        var yaml = mapping.Document?.Yaml ?? YamlFile.Load(mapping.Path);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var pipelines = new List<ItemPipeline>();
        for (var i = 0; i < table.Items.Count; i++)
        {
            var item = table.Items[i];
            var validator = new ItemValidator(item, standard.FindCodeList(item.CodeListId));
            var derivation = tableMapping.Items.FirstOrDefault(d => d.ItemId == item.Id);
            if (derivation is null)
            {
                pipelines.Add(new ItemPipeline(item, i, -1, null, [], validator));
                continue;
            }
            var transforms = derivation.Transforms
                .Select(spec => TransformFactory.Build(new TransformContext(mapping, standard, item, view, spec, yaml)))
                .ToList();
            if (derivation.From is not null) used.Add(derivation.From);
            foreach (var reader in transforms.OfType<IReadsColumns>()) used.UnionWith(reader.Columns);
            pipelines.Add(new ItemPipeline(item, i, derivation.From is null ? -1 : columnIndex[derivation.From], derivation.From, transforms, validator));
        }
        var filters = tableMapping.Filters.Select(f => (f, columnIndex[f.Column])).ToList();
        used.UnionWith(tableMapping.Filters.Select(f => f.Column));
        used.UnionWith(tableMapping.Joins.Select(j => j.On));
        used.UnionWith(tableMapping.Joins.Select(j => TableSources.Qualified(j.Source, j.To)));
        for (var i = 0; i < pipelines.Count; i++)
        {
            if (pipelines[i].Item.Unknown is { } unknown)
                pipelines[i] = pipelines[i] with { UnknownFlagIndex = table.IndexOf(unknown.FlagItem), UnknownTextIndex = table.IndexOf(unknown.TextItem) };
            if (pipelines[i].Item.EraYearItem is { } eraYear)
                pipelines[i] = pipelines[i] with { EraYearIndex = table.IndexOf(eraYear) };
        }
        return new CompiledTable(table, tableMapping, source, pipelines, filters, used, columnIndex)
        {
            View = view,
            Joins = joins,
            Rules = new CompiledRowRules(table, pipelines),
        };
    }
}

/// <summary>A join resolved to row positions: the key's index, and where the joined source's columns start.</summary>
internal sealed record CompiledJoin(JoinDefinition Definition, SourceDefinition Source, int OnIndex, int FirstColumn);
