using System.Diagnostics;

namespace Migrate.Cli.Tests.Support;

/// <summary>
/// The environment of a child process the tests start: the test process's own, without any
/// MIGRATE_* setting a developer may have exported (a test says what the command sees), plus the
/// variables the test gives. The test process's environment is never changed.
/// </summary>
public static class ChildEnvironment
{
    public static void Apply(ProcessStartInfo info, IReadOnlyDictionary<string, string>? variables)
    {
        ArgumentNullException.ThrowIfNull(info);
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MIGRATE_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(name);
        foreach (var (name, value) in variables ?? new Dictionary<string, string>()) info.Environment[name] = value;
    }
}
