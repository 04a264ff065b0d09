using System.CommandLine;
using Migrate.Core.Text;

namespace Migrate.Cli;

/// <summary>
/// The parser's errors as we print them: each unrecognized command or option followed by the closest
/// known one (<c>--maping</c> → <c>--mapping</c>, <c>rn</c> → <c>run</c>), in the process's one language.
/// </summary>
public static class UsageErrors
{
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var unmatched = parse.UnmatchedTokens;
        var messages = new List<string>();
        foreach (var error in parse.Errors)
        {
            var token = unmatched.FirstOrDefault(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal));
            var hint = token is null ? "" : DidYouMean.Hint(token, Candidates(command, token));
            messages.Add(error.Message + hint);
        }
        // "Required command was not provided" says nothing new when a misspelt command was given.
        if (messages.Count > 1 && unmatched.Count > 0)
            messages.RemoveAll(m => m.StartsWith("Required command was not provided", StringComparison.Ordinal));
        return messages;
    }

    /// <summary>What the user may have meant: the command's options (with the global ones) for "-…", else its subcommands.</summary>
    private static IEnumerable<string> Candidates(Command command, string token)
    {
        if (!token.StartsWith('-')) return command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        var options = new List<Option>(command.Options);
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            options.AddRange(parent.Options.Where(o => o.Recursive));
        return options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
    }

    /// <summary>The command path the user typed as far as it parsed, e.g. "standard list".</summary>
    public static string CommandPath(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            if (result.Command is not RootCommand) names.Insert(0, result.Command.Name);
        return string.Join(' ', names);
    }
}
