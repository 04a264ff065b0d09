namespace Migrate.Core.Standard;

/// <summary>
/// How the records of a standard name a person (<c>persons:</c> in the standard file): the item that
/// holds the person's identifier in every table that has it (宛名番号), and the table whose rows are
/// the persons themselves. 支援措置 integrity follows a person across tables through this link.
/// </summary>
public sealed record PersonLink(string KeyItem, string TableId);
