using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Migrate.Core.Work;

/// <summary>One JSON style for every artifact: snake_case, indented, Japanese kept readable.</summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Compact form for JSON Lines files.</summary>
    public static JsonSerializerOptions Lines { get; } = new(Options) { WriteIndented = false };

    public static void Write<T>(string path, T value, bool privateFile = false)
    {
        var temp = path + ".tmp";
        using (var stream = privateFile ? PrivateFiles.Create(temp) : File.Create(temp))
            JsonSerializer.Serialize(stream, value, Options);
        // Replace atomically so a reader never sees half a manifest.
        File.Move(temp, path, overwrite: true);
    }

    public static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"{path} is empty");
}
