using Migrate.Core.Diagnostics;
using Migrate.Core.Engines;
using Migrate.Core.Mapping;

namespace Migrate.Core.Extract.Database;

/// <summary>
/// The connections given with <c>--source-connection</c>: <c>NAME=CONNECTION</c> (repeatable) for
/// sources that say <c>connection: NAME</c>, or one unnamed <c>CONNECTION</c> for every database
/// source. A source without a <c>connection</c> name uses the unnamed one, or the only one given.
/// </summary>
public sealed class SourceConnections
{
    private readonly Dictionary<string, SourceConnection> _named;
    private readonly SourceConnection? _unnamed;

    private SourceConnections(Dictionary<string, SourceConnection> named, SourceConnection? unnamed)
    {
        _named = named;
        _unnamed = unnamed;
    }

    public static SourceConnections None { get; } = new(new Dictionary<string, SourceConnection>(StringComparer.Ordinal), null);

    public bool IsEmpty => _unnamed is null && _named.Count == 0;

    public static SourceConnections Parse(IEnumerable<string> values, Func<string, string?> environment, EngineRegistry engines)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(engines);
        var named = new Dictionary<string, SourceConnection>(StringComparer.Ordinal);
        SourceConnection? unnamed = null;
        foreach (var value in values)
        {
            if (engines.HasScheme(value))
            {
                if (unnamed is not null) throw MigrateException.Usage($"{SourceConnection.Option}: give one unnamed connection, or name each one (NAME=CONNECTION)");
                unnamed = SourceConnection.Parse(null, value, environment, engines);
                continue;
            }
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var name = equals <= 0 ? "" : value[..equals];
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                throw MigrateException.Usage($"{SourceConnection.Option}: give NAME=CONNECTION or CONNECTION, where CONNECTION is sqlite:PATH, postgres:…, sqlserver:… or env:VARIABLE");
            if (!named.TryAdd(name, SourceConnection.Parse(name, value[(equals + 1)..], environment, engines)))
                throw MigrateException.Usage($"{SourceConnection.Option}: connection '{name}' is given twice");
        }
        return new SourceConnections(named, unnamed);
    }

    /// <summary>The connection for a database source, or a usage error saying which option is missing.</summary>
    public SourceConnection For(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var name = (source.Options as DatabaseSourceSpec)?.Connection;
        if (name is not null)
        {
            if (_named.TryGetValue(name, out var connection)) return connection;
            if (_unnamed is not null && _named.Count == 0) return _unnamed;
            throw MigrateException.Usage($"{source.Position}: source '{source.Id}' reads connection '{name}': give {SourceConnection.Option} {name}=CONNECTION (or env:VARIABLE)");
        }
        if (_unnamed is not null) return _unnamed;
        if (_named.Count == 1) return _named.Values.Single();
        throw MigrateException.Usage(_named.Count == 0
            ? $"{source.Position}: source '{source.Id}' reads a database: give {SourceConnection.Option} CONNECTION (sqlite:PATH, postgres:…, sqlserver:… or env:VARIABLE)"
            : $"{source.Position}: source '{source.Id}' names no connection and {_named.Count} were given; add 'connection: NAME' to the source");
    }
}
