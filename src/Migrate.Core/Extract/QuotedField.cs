namespace Migrate.Core.Extract;

/// <summary>
/// RFC 4180 quoting of one raw field as the CSV reader split it. The reader is lenient (it never
/// fails on a stray quote), so every field is checked here: a legacy export with broken quoting is
/// rejected with its reason instead of being read as something it does not say.
/// </summary>
internal static class QuotedField
{
    /// <summary>
    /// The field's value: as is when unquoted, without the enclosing quotes and with doubled quotes
    /// undoubled when quoted. Null, with the reason, when the quoting is broken.
    /// </summary>
    public static string? Unquote(ReadOnlySpan<char> raw, ref char[] scratch, out ReadOnlySpan<char> value)
    {
        value = raw;
        if (raw.IsEmpty || raw[0] != '"')
            return raw.Contains('"') ? "a quote inside an unquoted field" : null;
        if (raw.Length < 2 || raw[^1] != '"')
            return raw[1..].Contains('"') ? "text after a closing quote" : "a quoted field without its closing quote";
        var inner = raw[1..^1];
        var quote = inner.IndexOf('"');
        if (quote < 0)
        {
            value = inner;
            return null;
        }
        if (scratch.Length < inner.Length) scratch = new char[Math.Max(inner.Length, scratch.Length * 2)];
        var length = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '"')
            {
                // Inside quotes a quote is only ever doubled; a single one closed the field early.
                if (i + 1 >= inner.Length || inner[i + 1] != '"') return "text after a closing quote";
                i++;
            }
            scratch[length++] = c;
        }
        value = scratch.AsSpan(0, length);
        return null;
    }
}
