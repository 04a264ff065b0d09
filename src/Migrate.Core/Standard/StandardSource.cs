namespace Migrate.Core.Standard;

/// <summary>
/// What the user said about where standards come from: <see cref="File"/> (<c>--standard PATH</c>, one
/// standard file, wins outright) and <see cref="Directory"/> (<c>--standards DIR</c>, else the
/// <c>MIGRATE_STANDARDS</c> environment variable). Both null: found beside the mapping or bundled.
/// </summary>
public sealed record StandardSource(string? File = null, string? Directory = null)
{
    /// <summary>The environment variable naming a folder of standards when <c>--standards</c> is not given.</summary>
    public const string EnvironmentVariable = "MIGRATE_STANDARDS";

    public static StandardSource Default { get; } = new();
}
