namespace Migrate.Core.Authoring;

/// <summary>What <c>migrate init</c> wrote: the draft, the profiles (counts only) and how each item was matched.</summary>
public sealed record InitResult(string OutPath, IReadOnlyList<SourceProfile> Sources, IReadOnlyList<ItemMatch> Matches, IReadOnlyList<string> UnmatchedColumns, int Todos);
