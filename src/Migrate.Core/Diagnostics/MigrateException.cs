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

    public static MigrateException Usage(string message) => new(FailureKind.Usage, message);
    public static MigrateException DataError(string message, Exception? inner = null) => new(FailureKind.Data, message, inner);
    public static MigrateException Environment(string message, Exception? inner = null) => new(FailureKind.Environment, message, inner);
}
