namespace Migrate.Cli;

/// <summary>The exit codes pipelines rely on (documented in README.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Completed, but a --fail-on condition was met.</summary>
    public const int FailOn = 1;
    public const int Usage = 2;
    /// <summary>The data cannot be migrated as it is (reconciliation, critical records, wrong encoding).</summary>
    public const int Data = 3;
    /// <summary>Environment or system failure (files, database, interruption).</summary>
    public const int Environment = 4;
}
