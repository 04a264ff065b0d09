namespace Migrate.Cli.Tests.Support;

/// <summary>A copy of a mapping with texts replaced, each of which must be in it (so an edit never silently misses).</summary>
public static class MappingVariant
{
    public static string Write(string path, string mapping, params (string Find, string Replace)[] edits)
    {
        var text = File.ReadAllText(mapping);
        foreach (var (find, replace) in edits)
        {
            text.ShouldContain(find);
            text = text.Replace(find, replace, StringComparison.Ordinal);
        }
        File.WriteAllText(path, text);
        return path;
    }
}
