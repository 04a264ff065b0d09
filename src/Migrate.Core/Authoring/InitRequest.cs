namespace Migrate.Core.Authoring;

/// <summary>
/// What <c>migrate init</c> drafts from: a legacy file or a folder of them, their encoding and
/// delimiter, the standard (an ID found above the output or current folder, or a path), optionally one
/// table, where to write the draft, and how many records to profile (all when null).
/// </summary>
public sealed record InitRequest(string Source, string Encoding, string Standard, string? Table, string OutPath, long? Sample, string Vendor, char Delimiter = ',', bool Header = true);
