namespace Migrate.Core.Work;

/// <summary>
/// A file a stage wrote, as the manifest records it for audit: its path relative to the work
/// directory, how many records it holds and the SHA-256 of its bytes (<c>migrate verify</c> compares).
/// </summary>
public sealed record StageFile(string File, long Records, string Sha256);
