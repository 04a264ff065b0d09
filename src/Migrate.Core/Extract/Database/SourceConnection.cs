using Migrate.Core.Diagnostics;

namespace Migrate.Core.Extract.Database;

/// <summary>
/// One legacy database to read from: <c>sqlite:PATH</c> (or <c>sqlite:</c> and a connection string),
/// <c>postgres:CONNECTION-STRING</c>, <c>sqlserver:CONNECTION-STRING</c>, or <c>env:VARIABLE</c> holding
/// one of those. <see cref="ToString"/> shows the driver only: connection strings carry passwords,
/// and even a SQLite path is kept out of messages, the manifest and the report, so that nothing of
/// what was typed after the scheme ever leaves the process.
/// </summary>
public sealed record SourceConnection(string? Name, DatabaseKind Kind, string ConnectionString)
{
    public const string Option = "--source-connection";

    /// <summary>True when <paramref name="text"/> starts with a scheme this option knows (so it is not NAME=…).</summary>
    public static bool HasScheme(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Scheme(text) is "sqlite" or "postgres" or "postgresql" or "sqlserver" or "env";
    }

    public static SourceConnection Parse(string? name, string text, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(environment);
        var label = name is null ? Option : $"{Option} {name}=";
        if (text.StartsWith("env:", StringComparison.Ordinal))
        {
            var variable = text[4..];
            var value = environment(variable);
            if (string.IsNullOrWhiteSpace(value)) throw MigrateException.Usage($"{label}env:{variable}: the environment variable {variable} is not set");
            if (value.StartsWith("env:", StringComparison.Ordinal)) throw MigrateException.Usage($"{label}env:{variable}: the variable must hold a connection, not another env: reference");
            return Parse(name, value, environment);
        }
        var scheme = Scheme(text);
        var rest = scheme.Length == 0 ? "" : text[(scheme.Length + 1)..];
        return scheme switch
        {
            "sqlite" when rest.Length > 0 => new SourceConnection(name, DatabaseKind.Sqlite, rest),
            "postgres" or "postgresql" when rest.Length > 0 => new SourceConnection(name, DatabaseKind.Postgres, rest),
            "sqlserver" when rest.Length > 0 => new SourceConnection(name, DatabaseKind.SqlServer, rest),
            // The text is not echoed: it may be a connection string with a password in it.
            _ => throw MigrateException.Usage($"{label}: give sqlite:PATH, postgres:CONNECTION-STRING, sqlserver:CONNECTION-STRING or env:VARIABLE (optionally as NAME=… for a named connection)"),
        };
    }

    /// <summary>The driver kind as the manifest records it.</summary>
    public string Driver => Kind switch
    {
        DatabaseKind.Sqlite => "sqlite",
        DatabaseKind.Postgres => "postgres",
        _ => "sqlserver",
    };

    public override string ToString() => $"{Driver}:(connection hidden)";

    private static string Scheme(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? "" : text[..colon];
    }
}
