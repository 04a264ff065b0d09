using System.Text.RegularExpressions;
using Migrate.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Standard;

/// <summary>
/// The IDs of a standard (its own, its tables' and items') become table and column names in generated
/// DDL. Although every dialect quotes them, only plain ASCII names are accepted, so no standard file
/// can carry SQL or a name a database folds differently: a letter, then letters, digits, '_' or '-',
/// at most 63 characters (PostgreSQL's identifier limit).
/// </summary>
internal static partial class StandardIdentifier
{
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string id) => Pattern().IsMatch(id);

    /// <summary>The ID under <paramref name="key"/>, refused at its line when it is not a plain identifier.</summary>
    public static string Require(YamlFile yaml, YamlMappingNode map, string key, string what)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var id = yaml.RequireString(map, key);
        return IsValid(id)
            ? id
            : throw yaml.Error(yaml.Require(map, key),
                $"{what} ID '{Shown(id)}' is not a plain identifier: start with a letter, then letters, digits, '_' or '-' (at most 63 characters); IDs become table and column names");
    }

    /// <summary>The refused ID for the message, with control characters made visible and cut short.</summary>
    private static string Shown(string id)
    {
        var visible = new string([.. id.Select(c => char.IsControl(c) ? '?' : c)]);
        return visible.Length > 40 ? visible[..40] + "…" : visible;
    }
}
