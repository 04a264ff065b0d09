using Migrate.Core.Diagnostics;

namespace Migrate.Core.Load;

public enum TargetKind
{
    Sqlite,
    SqlServer,
    Postgres,
}

/// <summary>
/// Where to load: <c>sqlite:PATH</c>, <c>sqlserver:CONNECTION</c>, <c>postgres:CONNECTION</c>, or
/// <c>env:NAME</c> to read one of those from an environment variable (so secrets stay off the
/// command line). <see cref="ToString"/> never shows a connection string.
/// </summary>
public sealed record TargetSpec(TargetKind Kind, string Connection)
{
    public static TargetSpec Parse(string text, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(environment);
        if (text.StartsWith("env:", StringComparison.Ordinal))
        {
            var name = text[4..];
            var value = environment(name);
            if (string.IsNullOrWhiteSpace(value)) throw MigrateException.Usage($"--target env:{name}: the environment variable {name} is not set");
            if (value.StartsWith("env:", StringComparison.Ordinal)) throw MigrateException.Usage($"--target env:{name}: the variable must hold a target, not another env: reference");
            return Parse(value, environment);
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon < 0 ? "" : text[..colon];
        var rest = colon < 0 ? text : text[(colon + 1)..];
        return scheme switch
        {
            "sqlite" when rest.Length > 0 => new TargetSpec(TargetKind.Sqlite, rest),
            "sqlserver" when rest.Length > 0 => new TargetSpec(TargetKind.SqlServer, rest),
            "postgres" or "postgresql" when rest.Length > 0 => new TargetSpec(TargetKind.Postgres, rest),
            _ => throw MigrateException.Usage("--target must be sqlite:PATH, sqlserver:CONNECTION-STRING, postgres:CONNECTION-STRING or env:VARIABLE"),
        };
    }

    public override string ToString() => Kind switch
    {
        TargetKind.Sqlite => "sqlite:" + Connection,
        TargetKind.SqlServer => "sqlserver:(connection string hidden)",
        _ => "postgres:(connection string hidden)",
    };
}
