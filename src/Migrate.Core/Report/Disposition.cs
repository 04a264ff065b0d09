namespace Migrate.Core.Report;

/// <summary>What the municipality decided for a finding.</summary>
public enum Disposition
{
    /// <summary>Not decided yet.</summary>
    Pending,
    /// <summary>The customization is dropped and the data converted to the standard.</summary>
    AdoptStandard,
    /// <summary>Kept as a documented deviation, with a written reason.</summary>
    Justified,
    /// <summary>Proposed to be fed back into the standard.</summary>
    Feedback,
}
