namespace Migrate.Core.Integrity;

/// <summary>
/// A person key as compared across tables and stages: trimmed, and digits without leading zeros, so
/// the raw bytes of an extract reject ("0000123") and a mapped value ("123") name the same person.
/// </summary>
internal static class PersonKey
{
    public static string? Normalize(string? raw)
    {
        if (raw is null) return null;
        var key = Normalize(raw.AsSpan());
        if (key.IsEmpty) return null;
        return key.Length == raw.Length ? raw : key.ToString();
    }

    /// <summary>The same without allocating, for the row loop; empty when there is no key.</summary>
    public static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> raw)
    {
        var key = raw.Trim();
        if (key.IsEmpty || key.ContainsAnyExceptInRange('0', '9')) return key;
        var digits = key.TrimStart('0');
        return digits.IsEmpty ? key[^1..] : digits;
    }

    /// <summary>Whether a raw critical item value marks its record (not blank, not 0): a doubtful value protects.</summary>
    public static bool IsSet(string? raw) => !string.IsNullOrWhiteSpace(raw) && raw.Trim() != "0";
}
