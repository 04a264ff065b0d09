namespace Migrate.Core.Integrity;

/// <summary>
/// What the map stage found about protected persons (manifest.json, <c>map.integrity</c>): how many
/// there are and every violation, which the load refuses unless each is acknowledged.
/// </summary>
/// <param name="ProtectedPersons">Persons flagged by a critical item or named by a critical table.</param>
/// <param name="ViolationCount">All violations; <paramref name="Violations"/> keeps the first <see cref="PersonLedger.MaxListed"/>.</param>
public sealed record IntegritySummary(long ProtectedPersons, long ViolationCount, IReadOnlyList<IntegrityViolation> Violations)
{
    public static IntegritySummary None { get; } = new(0, 0, []);
}
