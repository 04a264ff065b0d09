namespace Migrate.Core.Engines;

/// <summary>
/// What an option that takes a connection says when it cannot be read. <paramref name="Label"/>
/// starts each env: message (<c>--target </c>, <c>--source-connection NAME=</c>); the given text is never
/// echoed, since it may be a connection string with a password in it.
/// </summary>
/// <param name="Holds">What the env: variable must hold: "a target", "a connection".</param>
/// <param name="Usage">The whole message for a value with no known scheme or nothing after it.</param>
public sealed record ConnectionMessages(string Label, string Holds, string Usage);
