using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Data.Engines;

namespace Migrate.Data;

/// <summary>Creates the driver-backed target for a <see cref="TargetSpec"/>: its engine's (<see cref="DatabaseEngines"/>).</summary>
public static class TargetFactory
{
    public static ITarget Create(TargetSpec spec, ConnectionRetry? retry = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var engine = DatabaseEngines.Find(spec.Engine) ?? throw MigrateException.Usage($"target {spec} is not supported");
        return engine.CreateTarget(spec.Connection, retry ?? ConnectionRetry.Default);
    }
}
