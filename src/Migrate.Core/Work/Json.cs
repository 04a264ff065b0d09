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
        // Replaced atomically so a reader never sees half a manifest; see AtomicFile for the temporary file.
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, value, Options), privateFile);
    }

    /// <summary>Reads a file this tool wrote; one that was cut short or edited into invalid JSON is a data error naming its line, not a crash.</summary>
    public static T Read<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                ?? throw Diagnostics.MigrateException.DataError($"{path}: the file holds no JSON value (null); restore it, or rerun the command that writes it");
        }
        catch (JsonException e)
        {
            // e.Message may quote the file's bytes: only the position is shown.
            var line = e.LineNumber is { } n ? $" at line {n + 1}" : "";
            throw Diagnostics.MigrateException.DataError($"{path}: not valid JSON{line} (the file was cut short or edited); restore it, or rerun the command that writes it", e);
        }
    }
}
