namespace Migrate.Core.Diagnostics;

public enum DiagnosticSeverity
{
    Error,
    Warning,
    Info,
}

/// <summary>
/// One finding about a mapping, for people (<see cref="ToString"/>: file:line:column: severity: message)
/// and for editors and pipelines (JSON). Messages carry names, codes and counts, never personal values.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, SourcePosition? Position, string Message)
{
    public string? File => Position?.File;
    public long Line => Position?.Line ?? 0;
    public long Column => Position?.Column ?? 0;

    /// <summary>A loader error turned into a diagnostic, keeping its position when the exception has one.</summary>
    public static Diagnostic From(MigrateException exception, string code = "mapping.invalid")
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new Diagnostic(DiagnosticSeverity.Error, code, exception.Position, exception.Detail ?? exception.Message);
    }

    public override string ToString()
    {
        var severity = Severity.ToString().ToLowerInvariant();
        return Position is { } p ? $"{p}: {severity}: {Message}" : $"{severity}: {Message}";
    }
}
