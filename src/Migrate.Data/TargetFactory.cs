using Migrate.Core.Diagnostics;
using Migrate.Core.Load;
using Migrate.Data.Targets;

namespace Migrate.Data;

/// <summary>Creates the driver-backed target for a <see cref="TargetSpec"/>.</summary>
public static class TargetFactory
{
    public static ITarget Create(TargetSpec spec, ConnectionRetry? retry = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        retry ??= ConnectionRetry.Default;
        return spec.Kind switch
        {
            TargetKind.Sqlite => new SqliteTarget(spec.Connection),
            TargetKind.Postgres => new PostgresTarget(spec.Connection) { Retry = retry },
            TargetKind.SqlServer => new SqlServerTarget(spec.Connection) { Retry = retry },
            _ => throw MigrateException.Usage($"target {spec} is not supported"),
        };
    }
}
