namespace Migrate.Core.Diagnostics;

/// <summary>
/// Where a loader puts what it finds. In strict mode (what <c>run</c> uses) the first usage error
/// propagates unchanged; in collecting mode (what <c>check</c> uses) each failing section is recorded
/// and the loader goes on with the next one, so the user sees every mistake at once.
/// </summary>
internal sealed class DiagnosticBag(bool stopAtFirst)
{
    private readonly List<Diagnostic> _items = [];

    public bool StopAtFirst { get; } = stopAtFirst;

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>Runs one section; a usage error is recorded (or rethrown in strict mode).</summary>
    public bool Try(Action section)
    {
        ArgumentNullException.ThrowIfNull(section);
        try
        {
            section();
            return true;
        }
        catch (MigrateException e) when (e.Kind == FailureKind.Usage && !StopAtFirst)
        {
            Add(Diagnostic.From(e));
            return false;
        }
    }

    /// <summary>Reads one section; on a recorded error returns <paramref name="fallback"/>.</summary>
    public T Try<T>(Func<T> section, T fallback)
    {
        ArgumentNullException.ThrowIfNull(section);
        try
        {
            return section();
        }
        catch (MigrateException e) when (e.Kind == FailureKind.Usage && !StopAtFirst)
        {
            Add(Diagnostic.From(e));
            return fallback;
        }
    }
}
