using Migrate.Core.Engines;

namespace Migrate.Core.Load;

/// <summary>
/// Where to load: <c>sqlite:PATH</c>, <c>sqlserver:CONNECTION</c>, <c>postgres:CONNECTION</c>, or
/// <c>env:NAME</c> to read one of those from an environment variable (so secrets stay off the
/// command line). <see cref="ToString"/> never shows a connection string.
/// </summary>
public sealed record TargetSpec(IDatabaseEngine Engine, string Connection)
{
    private static readonly ConnectionMessages Messages = new("--target ", "a target",
        "--target must be sqlite:PATH, sqlserver:CONNECTION-STRING, postgres:CONNECTION-STRING or env:VARIABLE");

    public static TargetSpec Parse(string text, Func<string, string?> environment, EngineRegistry engines)
    {
        ArgumentNullException.ThrowIfNull(engines);
        var (engine, connection) = engines.Resolve(text, environment, Messages);
        return new TargetSpec(engine, connection);
    }

    public override string ToString() => Engine.ConnectionIsPath ? Engine.Name + ":" + Connection : Engine.Name + ":(connection string hidden)";
}
