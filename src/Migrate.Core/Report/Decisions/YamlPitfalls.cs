using System.Text.RegularExpressions;
using Migrate.Core.Diagnostics;

namespace Migrate.Core.Report.Decisions;

/// <summary>
/// The two YAML mistakes people make in a decisions file, caught before the parser gives its cryptic
/// message: a full-width colon typed with the Japanese IME (<c>reason：…</c>), and an unquoted value
/// that itself contains ": " (<c>reason: 理由: 介護連携</c>), which YAML reads as a nested key.
/// </summary>
internal static partial class YamlPitfalls
{
    // A key at the start of a line followed by a full-width colon, before any ASCII colon.
    [GeneratedRegex(@"^(?<indent>\s*)(?<key>[^\s:：#'""{}\[\]][^:：#'""]*?)\s*：")]
    private static partial Regex FullWidthColon();

    // key: value, where the plain (unquoted) value contains ": " or ends in ":".
    [GeneratedRegex(@"^\s*(?<key>[A-Za-z_]+):\s+(?<value>[^'""\s|>\[{#&*!][^#]*?(:\s|:$).*)$")]
    private static partial Regex ColonInValue();

    [GeneratedRegex(@":\s*[|>][+-]?\s*(#.*)?$")]
    private static partial Regex BlockStart();

    public static void Check(string path, IReadOnlyList<string> lines)
    {
        var blockIndent = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var indent = line.Length - line.TrimStart().Length;
            // Lines of a block scalar (reason: | …) are free text: a colon there is data.
            if (blockIndent >= 0 && (line.Trim().Length == 0 || indent > blockIndent)) continue;
            blockIndent = BlockStart().IsMatch(line) ? indent : -1;
            if (FullWidthColon().Match(line) is { Success: true } wide)
            {
                var column = line.IndexOf('：', StringComparison.Ordinal) + 1;
                throw MigrateException.UsageAt(new SourcePosition(path, i + 1, column),
                    $"「{wide.Groups["key"].Value.Trim()}」の後のコロンが全角（：）です。半角の「:」に直してください (a full-width colon '：' after '{wide.Groups["key"].Value.Trim()}'; YAML needs the ASCII ':' followed by a space)");
            }
            if (ColonInValue().Match(line) is { Success: true } nested)
            {
                var column = nested.Groups["value"].Index + 1;
                var key = nested.Groups["key"].Value;
                throw MigrateException.UsageAt(new SourcePosition(path, i + 1, column),
                    $"「{key}」の値に「: 」が含まれています。値全体を引用符で囲んでください（例: {key}: \"{nested.Groups["value"].Value.Trim().Replace("\"", "\\\"", StringComparison.Ordinal)}\"） (the value of '{key}' contains ': ', which YAML reads as a key: put the whole value in double quotes)");
            }
        }
    }
}
