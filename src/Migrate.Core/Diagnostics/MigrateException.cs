namespace Migrate.Core.Diagnostics;

/// <summary>
/// A failure the user can act on. The message is shown as is (no stack trace); it names the file,
/// line and column where one is known and never contains a personal value.
/// </summary>
public sealed class MigrateException : Exception
{
    public MigrateException(FailureKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public MigrateException() : this(FailureKind.Environment, "unknown failure") { }

    public MigrateException(string message) : this(FailureKind.Environment, message) { }

    public MigrateException(string message, Exception inner) : this(FailureKind.Environment, message, inner) { }

    public FailureKind Kind { get; }

    /// <summary>Where in a mapping or standard file the mistake was written, when known.</summary>
    public SourcePosition? Position { get; init; }

    /// <summary>The message without its position prefix (for structured diagnostics).</summary>
    public string? Detail { get; init; }

    public static MigrateException Usage(string message) => new(FailureKind.Usage, message);

    /// <summary>A usage error at a place in a file: the message reads "file:line:column: detail".</summary>
    public static MigrateException UsageAt(SourcePosition position, string detail) =>
        new(FailureKind.Usage, $"{position}: {detail}") { Position = position, Detail = detail };
    public static MigrateException DataError(string message, Exception? inner = null) => new(FailureKind.Data, message, inner);
    public static MigrateException Environment(string message, Exception? inner = null) => new(FailureKind.Environment, message, inner);
}
