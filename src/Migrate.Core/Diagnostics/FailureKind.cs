namespace Migrate.Core.Diagnostics;

/// <summary>What kind of failure stopped a command; the CLI turns it into an exit code.</summary>
public enum FailureKind
{
    /// <summary>The command line or a mapping/standard file is wrong (exit 2).</summary>
    Usage,
    /// <summary>The data cannot be migrated as it is: reconciliation, critical record, wrong encoding (exit 3).</summary>
    Data,
    /// <summary>File system, database or other environment failure (exit 4).</summary>
    Environment,
}
