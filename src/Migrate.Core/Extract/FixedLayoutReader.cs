using Migrate.Core.Mapping;
using Migrate.Core.Text;
using Migrate.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Extract;

/// <summary>
/// Reads a <c>format: fixed</c> source: its record layout (<c>fields</c>, each with a byte
/// <c>length</c> and an optional byte <c>offset</c>; without one a field starts where the previous
/// one ends), <c>record_length</c> and <c>separator</c>. Offsets and lengths are bytes of the
/// source encoding.
/// </summary>
internal static class FixedLayoutReader
{
    private static readonly string[] Types = ["text", "zoned", "packed", "era-date"];
    private static readonly string[] Separators = ["auto", "crlf", "lf", "none"];

    /// <param name="file">The legacy file when the layout stands alone (<c>migrate init --layout</c>): its <c>file</c> key is then optional and ignored.</param>
    public static SourceDefinition Read(YamlFile yaml, string id, YamlMappingNode s, string encoding, string? file = null)
    {
        yaml.AllowOnly(s, "file", ConfinedPath.AllowKey, "format", "encoding", "record_length", "separator", "fields");
        var fieldsNode = yaml.Get(s, "fields") ?? throw yaml.Error(s, $"source '{id}': a fixed-width source lists its record layout under 'fields'");
        var fields = new List<FixedField>();
        var next = 0;
        foreach (var node in yaml.Sequence(fieldsNode, $"source '{id}': 'fields'").Children)
        {
            var f = yaml.Mapping(node, "a field");
            yaml.AllowOnly(f, "name", "offset", "length", "type", "scale");
            var name = yaml.RequireString(f, "name");
            if (name.Contains('.', StringComparison.Ordinal))
                throw yaml.Error(yaml.Require(f, "name"), $"source '{id}': field name '{name}' must not contain '.'");
            if (fields.Any(x => x.Name == name))
                throw yaml.Error(yaml.Require(f, "name"), $"source '{id}': field '{name}' is listed twice");
            var offset = yaml.Int(f, "offset") ?? next;
            var length = yaml.Int(f, "length") ?? throw yaml.Error(f, $"source '{id}': field '{name}' needs its 'length' in bytes");
            if (length <= 0) throw yaml.Error(yaml.Require(f, "length"), $"source '{id}': field '{name}': length must be at least 1 byte");
            var overlap = fields.FirstOrDefault(x => offset < x.End && x.Offset < offset + length);
            if (overlap is not null)
                throw yaml.Error(f, $"source '{id}': field '{name}' (bytes {offset}–{offset + length - 1}) overlaps field '{overlap.Name}' (bytes {overlap.Offset}–{overlap.End - 1})");
            var typeNode = yaml.Get(f, "type");
            var typeName = typeNode is null ? "text" : yaml.Scalar(typeNode);
            var type = typeName switch
            {
                "text" => FixedFieldType.Text,
                "zoned" => FixedFieldType.Zoned,
                "packed" => FixedFieldType.Packed,
                "era-date" => FixedFieldType.EraDate,
                _ => throw yaml.Error(typeNode!, $"source '{id}': field '{name}': unknown type '{typeName}'{DidYouMean.Hint(typeName, Types)}; use {string.Join(", ", Types)}"),
            };
            var scale = yaml.Int(f, "scale") ?? 0;
            if (scale > 0 && type is not (FixedFieldType.Zoned or FixedFieldType.Packed))
                throw yaml.Error(yaml.Require(f, "scale"), $"source '{id}': field '{name}': 'scale' applies to zoned and packed fields only");
            fields.Add(new FixedField(name, offset, length, type, scale, yaml.Position(f)));
            next = offset + length;
        }
        if (fields.Count == 0) throw yaml.Error(fieldsNode, $"source '{id}': list at least one field under 'fields'");

        var layoutEnd = fields.Max(x => x.End);
        var recordLength = yaml.Int(s, "record_length") ?? layoutEnd;
        if (recordLength < layoutEnd)
            throw yaml.Error(yaml.Require(s, "record_length"), $"source '{id}': record_length {recordLength} is shorter than the layout, which ends at byte {layoutEnd}");
        var separatorNode = yaml.Get(s, "separator");
        var separatorName = separatorNode is null ? "auto" : yaml.Scalar(separatorNode);
        var separator = separatorName switch
        {
            "auto" => RecordSeparator.Auto,
            "crlf" => RecordSeparator.CrLf,
            "lf" => RecordSeparator.Lf,
            "none" => RecordSeparator.None,
            _ => throw yaml.Error(separatorNode!, $"source '{id}': unknown separator '{separatorName}'{DidYouMean.Hint(separatorName, Separators)}; use auto (CR LF or LF), crlf, lf or none (records of exactly record_length bytes)"),
        };
        return new SourceDefinition(id, file ?? yaml.RequireString(s, "file"), FixedWidthFormat.FormatName, encoding,
            fields.Select(x => x.Name).ToList(), yaml.Position(s), new FixedLayout(fields, recordLength, separator));
    }
}
