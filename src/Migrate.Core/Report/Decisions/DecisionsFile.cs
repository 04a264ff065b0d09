using Migrate.Core.Diagnostics;
using Migrate.Core.Work;
using Migrate.Core.Yaml;

namespace Migrate.Core.Report.Decisions;

/// <summary>
/// A municipality's decisions file (YAML): finding ID → disposition, reason, who decided and when.
/// <code>
/// decisions_version: 1
/// decisions:
///   custom-column/jumin/MEMO:
///     disposition: justified          # adopt-standard | justified | feedback | pending, or 標準に合わせる | 理由を付けて残す | 標準へ提案 | 未決定
///     reason: 介護連携のため当面残す      # required for justified and feedback
///     decided_by: 情報政策課
///     decided_on: 2026-11-20
/// </code>
/// </summary>
internal sealed record DecisionsFile(string Path, string Sha256, string? Municipality, IReadOnlyList<Decision> Decisions)
{
    /// <summary>Reads a decisions file of any supported kind, chosen by its extension: .yaml/.yml, .xlsx or .csv.</summary>
    public static DecisionsFile LoadAny(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return System.IO.Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".XLSX" => DecisionsWorkbook.Read(path),
            ".CSV" => DecisionsCsv.Read(path),
            ".YAML" or ".YML" => Load(path),
            var other => throw MigrateException.Usage(
                $"{path}: 判断の記録は .xlsx・.csv・.yaml のいずれかです (decisions are read from decisions.xlsx, an edited findings.csv or a YAML file; '{other}' is none of them)"),
        };
    }

    public static DecisionsFile Load(string path)
    {
        if (File.Exists(path)) YamlPitfalls.Check(path, File.ReadAllLines(path));
        var yaml = YamlFile.Load(path);
        var root = yaml.Root;
        yaml.AllowOnly(root, "decisions_version", "municipality", "decisions");
        var version = yaml.Require(root, "decisions_version");
        if (yaml.Scalar(version) != "1")
            throw yaml.Error(version, $"decisions_version {yaml.Scalar(version)} is not supported (supported: 1)");

        var decisions = new List<Decision>();
        if (yaml.Get(root, "decisions") is { } node && node is not YamlDotNet.RepresentationModel.YamlScalarNode { Value: null or "" })
        {
            foreach (var (id, keyNode, value) in yaml.Entries(yaml.Mapping(node, "decisions")))
            {
                var entry = yaml.Mapping(value, $"decision for '{id}'");
                yaml.AllowOnly(entry, "disposition", "reason", "description", "decided_by", "decided_on", "title", "stale");
                var dispositionNode = yaml.Require(entry, "disposition");
                var word = yaml.Scalar(dispositionNode);
                if (string.IsNullOrWhiteSpace(word) || !DispositionKeywords.TryParse(word, out var disposition))
                    throw yaml.Error(dispositionNode,
                        $"'{id}': unknown disposition '{word}'{Text.DidYouMean.Hint(word ?? "", DispositionKeywords.All)}; use adopt-standard, justified, feedback or pending ({string.Join(" / ", DispositionKeywords.Choices)})");
                var reason = yaml.String(entry, "reason") ?? yaml.String(entry, "description");
                if (disposition == Disposition.Justified && string.IsNullOrWhiteSpace(reason))
                    throw yaml.Error(entry, $"'{id}': a justified deviation needs its written reason under 'reason'");
                if (disposition == Disposition.Feedback && string.IsNullOrWhiteSpace(reason))
                    throw yaml.Error(entry, $"'{id}': a proposal to the standard needs a 'description' of what to propose");
                var stale = yaml.String(entry, "stale") is "true" or "yes";
                decisions.Add(new Decision(id, disposition, reason, yaml.String(entry, "decided_by"), yaml.String(entry, "decided_on"), yaml.Position(keyNode)) { MarkedStale = stale });
            }
        }
        return new DecisionsFile(System.IO.Path.GetFullPath(path), FileHash.Sha256(path), yaml.String(root, "municipality"), decisions);
    }

    /// <summary>A municipality overlay's decisions beside it, as NAME.decisions.yaml (never used for a vendor's shared mapping).</summary>
    public static string DefaultPathFor(string mappingPath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(mappingPath)) ?? ".",
            System.IO.Path.GetFileNameWithoutExtension(mappingPath) + ".decisions.yaml");
}
