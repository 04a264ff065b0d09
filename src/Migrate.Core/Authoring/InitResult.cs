namespace Migrate.Core.Authoring;

/// <summary>
/// What <c>migrate init</c> wrote: the draft, the profiles (counts only), how each item was matched,
/// how many decisions are left open (<c>todo:</c> markers) and which of them are critical, and the
/// folder the profiled files are in (for the next command: <c>check --source</c>).
/// </summary>
public sealed record InitResult(string OutPath, IReadOnlyList<SourceProfile> Sources, IReadOnlyList<ItemMatch> Matches, IReadOnlyList<string> UnmatchedColumns, int Todos)
{
    public int Unresolved { get; init; }

    public IReadOnlyList<string> CriticalUnresolved { get; init; } = [];

    /// <summary>The folder holding the profiled files, or null for a database table.</summary>
    public string? SourceFolder { get; init; }
}
