namespace Migrate.Core.Report;

/// <summary>Which file a CIO edits to record decisions, and the command that applies it.</summary>
public sealed record DecisionsGuide(string Workbook, string Command, string WorkDirectory);
