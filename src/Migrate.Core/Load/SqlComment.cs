namespace Migrate.Core.Load;

/// <summary>
/// Free text (a standard's display names) written into generated DDL as a <c>--</c> comment. A line
/// comment ends at the next line break, so a name holding one would run the rest as SQL (issue 19:
/// <c>name: "住民\nDROP TABLE victim;\n--"</c>). Every control or line/paragraph separator character
/// becomes a space, and the block-comment delimiters are broken up, so the text can never leave its
/// comment in any dialect.
/// </summary>
internal static class SqlComment
{
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085') chars[i] = ' ';
        }
        return new string(chars).Replace("/*", "/ *", StringComparison.Ordinal).Replace("*/", "* /", StringComparison.Ordinal);
    }
}
