using Migrate.Core.Engines;

namespace Migrate.Core.Extract.Database;

/// <summary>
/// One legacy database to read from: <c>sqlite:PATH</c> (or <c>sqlite:</c> and a connection string),
/// <c>postgres:CONNECTION-STRING</c>, <c>sqlserver:CONNECTION-STRING</c>, or <c>env:VARIABLE</c> holding
/// one of those. <see cref="ToString"/> shows the driver only: connection strings carry passwords,
/// and even a SQLite path is kept out of messages, the manifest and the report, so that nothing of
/// what was typed after the scheme ever leaves the process.
/// </summary>
public sealed record SourceConnection(string? Name, IDatabaseEngine Engine, string ConnectionString)
{
    public const string Option = "--source-connection";

    public static SourceConnection Parse(string? name, string text, Func<string, string?> environment, EngineRegistry engines)
    {
        ArgumentNullException.ThrowIfNull(engines);
        var label = name is null ? Option : $"{Option} {name}=";
        // The env: messages go on with "env:VARIABLE": an unnamed option needs the space a named one's '=' takes.
        var messages = new ConnectionMessages(name is null ? Option + " " : label, "a connection",
            $"{label}: give sqlite:PATH, postgres:CONNECTION-STRING, sqlserver:CONNECTION-STRING or env:VARIABLE (optionally as NAME=… for a named connection)");
        var (engine, connection) = engines.Resolve(text, environment, messages);
        return new SourceConnection(name, engine, connection);
    }

    /// <summary>The driver kind as the manifest records it.</summary>
    public string Driver => Engine.Name;

    public override string ToString() => $"{Driver}:(connection hidden)";
}
