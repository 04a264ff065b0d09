using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Standard;

namespace Migrate.Core.Check;

/// <summary>Every diagnostic found, ordered by file and position, with the mapping when it could be read.</summary>
public sealed record CheckResult(IReadOnlyList<Diagnostic> Diagnostics, MappingDefinition? Mapping, StandardDefinition? Standard)
{
    public int Errors => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
    public bool Valid => Errors == 0;
}
