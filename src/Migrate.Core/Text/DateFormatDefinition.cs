namespace Migrate.Core.Text;

/// <summary>
/// A named set of legacy date spellings (GYYMMDD, GYY.MM.DD, G年M月D日 …) tried in order. With
/// <see cref="UnknownZero"/>, 00 in the month or day (or an all-zero date) means 不詳, not an error.
/// </summary>
public sealed record DateFormatDefinition(string Id, IReadOnlyList<string> Formats, bool UnknownZero, DateOnly? GregorianFrom, IReadOnlyList<string> UnknownMarkers)
{
    /// <summary>
    /// Written forms that mean 不詳 (<c>unknown_forms:</c> EY年頃, EY年M月日不詳, EY年*, 年月日不詳 …),
    /// tried after <see cref="Formats"/>; a value in one of them is kept as written (standard 1.1.8).
    /// </summary>
    public IReadOnlyList<string> UnknownForms { get; init; } = [];
}
