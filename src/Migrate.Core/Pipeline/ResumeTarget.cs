using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
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
    public static TargetSpec Choose(Manifest manifest, string? given, TargetSpec fallback, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(fallback);
        if (manifest.PendingLoad is not { } pending) return given is null ? fallback : TargetSpec.Parse(given, environment);
        var recorded = pending.Target;
        if (given is null)
        {
            if (recorded.StartsWith("sqlite:", StringComparison.Ordinal)) return TargetSpec.Parse(recorded, environment);
            throw MigrateException.Usage($"the interrupted load went to {recorded}, whose connection string is not recorded: give it again with --target (e.g. --target env:VARIABLE) to resume; nothing was changed");
        }
        var spec = TargetSpec.Parse(given, environment);
        var sameKind = spec.Kind switch
        {
            TargetKind.Sqlite => recorded == "sqlite:" + Path.GetFullPath(spec.Connection),
            TargetKind.Postgres => recorded.StartsWith("postgres:", StringComparison.Ordinal),
            _ => recorded.StartsWith("sqlserver:", StringComparison.Ordinal),
        };
        return sameKind
            ? spec
            : throw MigrateException.Usage($"--target {spec} is not the target of the interrupted load ({recorded}); resume that one, or load anew without --resume; nothing was changed");
    }
}
