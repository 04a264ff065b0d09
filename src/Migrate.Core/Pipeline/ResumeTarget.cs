using Migrate.Core.Diagnostics;
using Migrate.Core.Engines;
using Migrate.Core.Load;
using Migrate.Core.Manifests;
using Migrate.Core.Work;

namespace Migrate.Core.Pipeline;

/// <summary>
/// The target <c>load --resume</c> finishes: the one the interrupted load went to. Without --target it
/// used to load the default SQLite file and clear the marker of an interrupted PostgreSQL load. A SQLite
/// target is recorded by its path and resumed there; a server's connection string is never recorded, so
/// it must be given again, and a --target of another kind or file is refused.
/// </summary>
public static class ResumeTarget
{
    /// <param name="given">--target as given, or null.</param>
    /// <param name="fallback">The target used when nothing was interrupted (the work directory's SQLite file).</param>
    public static TargetSpec Choose(Manifest manifest, string? given, TargetSpec fallback, Func<string, string?> environment, EngineRegistry engines)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(engines);
        if (manifest.PendingLoad is not { } pending) return given is null ? fallback : TargetSpec.Parse(given, environment, engines);
        var recorded = pending.Target;
        if (given is null)
        {
            if (engines.Find(EngineRegistry.SchemeOf(recorded)) is { ConnectionIsPath: true }) return TargetSpec.Parse(recorded, environment, engines);
            throw MigrateException.Usage($"the interrupted load went to {recorded}, whose connection string is not recorded: give it again with --target (e.g. --target env:VARIABLE) to resume; nothing was changed");
        }
        var spec = TargetSpec.Parse(given, environment, engines);
        // A path is recorded in full and must name the same file; a server's connection string is not recorded.
        var sameKind = spec.Engine.ConnectionIsPath
            ? recorded == spec.Engine.Name + ":" + Path.GetFullPath(spec.Connection)
            : recorded.StartsWith(spec.Engine.Name + ":", StringComparison.Ordinal);
        return sameKind
            ? spec
            : throw MigrateException.Usage($"--target {spec} is not the target of the interrupted load ({recorded}); resume that one, or load anew without --resume; nothing was changed");
    }
}
