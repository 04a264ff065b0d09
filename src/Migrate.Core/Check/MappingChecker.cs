using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Mapping.Loading;
using Migrate.Core.Pipeline;
using Migrate.Core.Standard;

namespace Migrate.Core.Check;

/// <summary>
/// <c>migrate check</c>: loads a mapping against its standard collecting every mistake (names,
/// transforms and their parameters, code tables), adds what the standard demands of the mapping as a
/// whole (required items with no derivation, dates copied without a date transform) and, with legacy
/// data, what the data says (values missing from code tables, type and length mismatches).
/// </summary>
public static class MappingChecker
{
    public static async Task<CheckResult> CheckAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var bag = new DiagnosticBag(stopAtFirst: false);
        StandardDefinition? standard = null;
        bag.Try(() => standard = StandardResolver.ForMapping(request.MappingPath, request.Standard));
        if (standard is null) return Result(bag, null, null);

        var mapping = MappingLoader.Collect(request.MappingPath, standard, bag);
        if (mapping is null) return Result(bag, null, standard);

        foreach (var diagnostic in StaticChecks.Run(mapping, standard, UnresolvedPaths(request.MappingPath))) bag.Add(diagnostic);
        if (request.SourceDirectory is not null && !bag.HasErrors)
        {
            foreach (var diagnostic in await DataChecks.RunAsync(mapping, standard, request.SourceDirectory, request.MaxRejects, cancellationToken))
                bag.Add(diagnostic);
        }
        else if (request.SourceDirectory is not null)
        {
            bag.Add(new Diagnostic(DiagnosticSeverity.Info, "data.skipped", null, "the data was not checked: fix the errors above first"));
        }
        return Result(bag, mapping, standard);
    }

    /// <summary>Where the mapping has <c>todo:</c> markers (read again: loading sets the marked entries aside).</summary>
    private static HashSet<string> UnresolvedPaths(string mappingPath) =>
        UnresolvedMarkers.Find(MappingDocument.Load(mappingPath).Yaml).Select(m => m.Where).ToHashSet(StringComparer.Ordinal);

    private static CheckResult Result(DiagnosticBag bag, MappingDefinition? mapping, StandardDefinition? standard)
    {
        // Stable order: by file, then position; diagnostics without a place last.
        var ordered = bag.Items
            .Select((d, i) => (d, i))
            .OrderBy(x => x.d.Position is null)
            .ThenBy(x => x.d.File, StringComparer.Ordinal)
            .ThenBy(x => x.d.Line)
            .ThenBy(x => x.d.Column)
            .ThenBy(x => x.i)
            .Select(x => x.d)
            .ToList();
        return new CheckResult(ordered, mapping, standard);
    }
}
