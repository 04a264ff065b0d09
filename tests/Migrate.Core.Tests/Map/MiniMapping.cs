using System.Text;
using System.Text.Json;
using Migrate.Core.Map;
using Migrate.Core.Mapping;
using Migrate.Core.Mapping.Loading;
using Migrate.Core.Standard;
using Migrate.Core.Transforms;
using Migrate.Core.Work;

namespace Migrate.Core.Tests.Map;

/// <summary>
/// A small standard (one 会員 table: number, sex, group name, status) and a mapping of two legacy
/// sources onto it, written to a folder of the test's, with staging files written row by row so a
/// test knows every value the mapper reads. Maps one table with the real <see cref="TableMapper"/>.
/// </summary>
internal sealed class MiniMapping : IDisposable
{
    public const string Standard = """
        standard: mini
        name: 会員
        english: Members
        version: "1.0"
        tables:
          - id: member
            name: 会員
            english: Member
            key: [member_no]
            items:
              - { id: member_no, name: 会員番号, english: Member number, type: string, length: 10, required: true, chars: digits }
              - { id: sex, name: 性別, english: Sex, type: code, length: 1, required: true, codes: sex }
              - { id: group_name, name: 班名, english: Group name, type: string, length: 20, chars: standard }
              - { id: status, name: 状態, english: Status, type: code, length: 1, required: true, codes: status }
        code_lists:
          sex: { name: 性別, values: { "1": 男, "2": 女, "9": 適用不能 } }
          status: { name: 状態, values: { "1": 在籍, "2": 退会 } }
        """;

    /// <summary>The mapping with <c>{SEX_UNKNOWN}</c>, <c>{ORPHANS}</c>, <c>{EXTRA}</c> and <c>{ITEMS}</c> (group_name and status) to fill in.</summary>
    private const string MappingTemplate = """
        mapping_version: 1
        vendor: test
        standard: mini
        standard_version: "1.0"
        sources:
          members: { file: MEMBERS.CSV, format: csv, encoding: utf-8, header: true, columns: [NO, SEX, GROUP_CD, STATUS] }
          groups: { file: GROUPS.CSV, format: csv, encoding: utf-8, header: true, columns: [GROUP_CD, NAME] }
        code_tables:
          sex:
            values: { M: "1", F: "2" }
            unknown: {SEX_UNKNOWN}
        tables:
          member:
            from: members
        {EXTRA}
            joins:
              - { source: groups, on: GROUP_CD, to: GROUP_CD, orphans: {ORPHANS} }
            items:
              member_no: NO
              sex: { from: SEX, do: [{ code: sex }] }
        {ITEMS}
        """;

    private const string DefaultItems = """
              group_name: groups.NAME
              status: { from: STATUS, do: [trim, { default: "1" }] }
        """;

    private readonly TempDirectory _temp = new();

    /// <param name="items">The mapping lines of group_name and status, indented as items; null: both mapped as usual.</param>
    public MiniMapping(string sexUnknown = "reject", string orphans = "reject", string extra = "", string? items = null)
    {
        File.WriteAllText(_temp.Combine("standard.yaml"), Standard);
        var standard = StandardLoader.Load(_temp.Combine("standard.yaml"));
        var mapping = MappingTemplate.Replace("{SEX_UNKNOWN}", sexUnknown, StringComparison.Ordinal)
            .Replace("{ORPHANS}", orphans, StringComparison.Ordinal).Replace("{EXTRA}", extra, StringComparison.Ordinal)
            .Replace("{ITEMS}", items ?? DefaultItems, StringComparison.Ordinal);
        File.WriteAllText(_temp.Combine("mapping.yaml"), mapping);
        Definition = MappingLoader.Load(_temp.Combine("mapping.yaml"), standard);
        Compiled = CompiledTable.Compile(Definition, standard, Definition.Tables.Single());
        Work = new WorkDirectory(_temp.Combine("work"));
        Work.Create();
    }

    public MappingDefinition Definition { get; }
    public CompiledTable Compiled { get; }
    public WorkDirectory Work { get; }
    public Observations Observations { get; } = new();

    public string Combine(params string[] parts) => _temp.Combine(parts);

    /// <summary>Writes the members' staging file: line numbers 2, 3, … as the extractor numbers them after the header.</summary>
    public void Members(params string[][] rows) => Staging(Work.StagingFile("members"), ["NO", "SEX", "GROUP_CD", "STATUS"], rows);

    public void Groups(params string[][] rows) => Staging(Work.StagingFile("groups"), ["GROUP_CD", "NAME"], rows);

    /// <summary>A staging file as extract writes it: UTF-8, _line and _offset first, RFC 4180 quoting.</summary>
    public static void Staging(string path, string[] columns, string[][] rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder();
        text.Append("_line,_offset,").AppendJoin(',', columns).Append("\r\n");
        long offset = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            text.Append(i + 2).Append(',').Append(offset).Append(',').AppendJoin(',', rows[i].Select(Quote)).Append("\r\n");
            offset += 10;
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n', ' ']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public async Task<(TableMapResult Result, TableMapper Mapper)> MapAsync()
    {
        var mapper = new TableMapper(Compiled, Work, Observations);
        var result = await mapper.MapAsync(null, TestContext.Current.CancellationToken);
        return (result, mapper);
    }

    /// <summary>The mapped file's lines, header first.</summary>
    public string[] MappedLines() => File.ReadAllText(Work.MappedFile("member"), Encoding.UTF8).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public List<JsonElement> Rejects()
    {
        var path = Work.MapRejects("member");
        return File.Exists(path) ? File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList() : [];
    }

    /// <summary>A reject's reasons as (code, item) pairs, in the order found.</summary>
    public static List<(string? Code, string? Item)> Reasons(JsonElement reject) =>
        [.. reject.GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("code").GetString(), r.TryGetProperty("item", out var i) ? i.GetString() : null))];

    public void Dispose() => _temp.Dispose();
}
