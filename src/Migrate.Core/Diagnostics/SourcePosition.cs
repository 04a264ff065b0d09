namespace Migrate.Core.Diagnostics;

/// <summary>A place in a text file, 1-based, as editors show it.</summary>
public readonly record struct SourcePosition(string File, long Line, long Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
