namespace Migrate.Core.Integrity;

/// <summary>
/// A person key as compared across tables and stages: trimmed, and digits without leading zeros, so
/// the raw bytes of an extract reject ("0000123") and a mapped value ("123") name the same person.
/// </summary>
public static class PersonKey
{
    public static string? Normalize(string? raw)
    {
        if (raw is null) return null;
        var key = raw.AsSpan().Trim();
        if (key.IsEmpty) return null;
        if (!key.ContainsAnyExceptInRange('0', '9'))
        {
            var digits = key.TrimStart('0');
            return digits.IsEmpty ? "0" : digits.ToString();
        }
        return key.Length == raw.Length ? raw : key.ToString();
    }

    /// <summary>Whether a raw critical item value marks its record (not blank, not 0): a doubtful value protects.</summary>
    public static bool IsSet(string? raw) => !string.IsNullOrWhiteSpace(raw) && raw.Trim() is not ("0" or "false" or "FALSE" or "False");
}
