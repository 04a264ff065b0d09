using Migrate.Core.Diagnostics;

namespace Migrate.Core.Engines;

/// <summary>
/// The database engines this build knows, found by the scheme a connection is written with
/// (<c>SCHEME:CONNECTION</c>), and the one reading of <c>env:VARIABLE</c>, which every option that
/// takes a connection shares: the variable holds <c>SCHEME:CONNECTION</c>, so secrets stay off the
/// command line. Migrate.Data builds the registry of its engines; Core only asks it.
/// </summary>
public sealed class EngineRegistry
{
    public const string EnvScheme = "env";

    private readonly Dictionary<string, IDatabaseEngine> _bySchemes = new(StringComparer.Ordinal);

    public EngineRegistry(IEnumerable<IDatabaseEngine> engines)
    {
        ArgumentNullException.ThrowIfNull(engines);
        Engines = [.. engines];
        foreach (var engine in Engines)
            foreach (var scheme in engine.Schemes) _bySchemes.Add(scheme, engine);
    }

    /// <summary>The engines in the order usage texts list them.</summary>
    public IReadOnlyList<IDatabaseEngine> Engines { get; }

    /// <summary>The engine written with <paramref name="scheme"/>, or null.</summary>
    public IDatabaseEngine? Find(string scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return _bySchemes.GetValueOrDefault(scheme);
    }

    /// <summary>True when <paramref name="text"/> starts with a scheme of an engine or <c>env:</c>.</summary>
    public bool HasScheme(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scheme = SchemeOf(text);
        return scheme == EnvScheme || _bySchemes.ContainsKey(scheme);
    }

    /// <summary>The engine and the connection after its scheme, following one <c>env:VARIABLE</c>.</summary>
    public (IDatabaseEngine Engine, string Connection) Resolve(string text, Func<string, string?> environment, ConnectionMessages messages)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(messages);
        if (text.StartsWith(EnvScheme + ":", StringComparison.Ordinal))
        {
            var variable = text[(EnvScheme.Length + 1)..];
            var value = environment(variable);
            if (string.IsNullOrWhiteSpace(value)) throw MigrateException.Usage($"{messages.Label}env:{variable}: the environment variable {variable} is not set");
            if (value.StartsWith(EnvScheme + ":", StringComparison.Ordinal)) throw MigrateException.Usage($"{messages.Label}env:{variable}: the variable must hold {messages.Holds}, not another env: reference");
            text = value;
        }
        var scheme = SchemeOf(text);
        var connection = scheme.Length == 0 ? "" : text[(scheme.Length + 1)..];
        return Find(scheme) is { } engine && connection.Length > 0 ? (engine, connection) : throw MigrateException.Usage(messages.Usage);
    }

    /// <summary>The text before the first colon, or empty when there is none (or nothing before it).</summary>
    public static string SchemeOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? "" : text[..colon];
    }
}
