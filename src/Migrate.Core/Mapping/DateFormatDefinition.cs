namespace Migrate.Core.Mapping;

/// <summary>
/// A named set of legacy date spellings (GYYMMDD, GYY.MM.DD, G年M月D日 …) tried in order. With
/// <see cref="UnknownZero"/>, 00 in the month or day (or an all-zero date) means 不詳, not an error.
/// </summary>
public sealed record DateFormatDefinition(string Id, IReadOnlyList<string> Formats, bool UnknownZero, DateOnly? GregorianFrom, IReadOnlyList<string> UnknownMarkers);
