using System.Reflection;

namespace Migrate.Core.Work;

/// <summary>The tool's version as recorded in manifests and schema history.</summary>
public static class ToolInfo
{
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
