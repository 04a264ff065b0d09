using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Data.Targets;

namespace Migrate.Data;

/// <summary>Creates the driver-backed target for a <see cref="TargetSpec"/>.</summary>
public static class TargetFactory
{
    public static ITarget Create(TargetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Kind switch
        {
            TargetKind.Sqlite => new SqliteTarget(spec.Connection),
            _ => throw MigrateException.Usage($"target {spec} is not available yet in this version; use sqlite:PATH"),
        };
    }
}
