using Migrate.Core.Standard;

namespace Migrate.Data.Tests.Support;

/// <summary>The bundled 住民記録 standard.</summary>
public static class TestStandard
{
    public static StandardDefinition Juki { get; } = StandardLoader.Load(RepoPaths.Standard());

    public static StandardTable Person => Juki.FindTable("person")!;
    public static StandardTable Support => Juki.FindTable("support")!;
}
