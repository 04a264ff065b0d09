using System.Text;
using Migrate.Cli.Tests.Support;

namespace Migrate.Cli.Tests.Hostile;

/// <summary>One hostile or careless input: how to set it up, the exit code and message it must give, and what must hold afterwards.</summary>
public sealed record BadInput(string Name, int Exit, string Message, Func<HostileWorkspace, string[]> Arrange, Action<HostileWorkspace, CliResult>? Then = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// The bad-input corpus (issue 19): every case the adversarial pass found, in one place. Each must end
/// with its exit code and a clear message — never "this is a bug", never a stack trace
/// (<see cref="BadInputCorpusTests"/>). Add a case here for every new kind of bad input.
/// </summary>
public static class BadInputCorpus
{
    private const string Yubin = """yubin_no: { from: YUBIN, do: [{ remove: "-" }] }""";
    private const string Reiwa = """{ code: "5", letter: R, name: 令和, start: 2019-05-01 }""";

    public static IReadOnlyList<BadInput> All { get; } =
    [
        // 1. SQL through a standard's display name: the DDL comment cannot end early.
        new("standard-name-with-sql", 0, "", w =>
        {
            w.EditStandard("name: 住民（履歴）", "name: \"住民（履歴）\\nDROP TABLE victim;\\n--\"");
            Sqlite(w.Combine("t.db"), "CREATE TABLE victim (x); INSERT INTO victim VALUES (1);");
            return ["run", "--mapping", w.Mapping, "--source", w.Source, "--out", w.Work, "--target", "sqlite:" + w.Combine("t.db"), "--quiet"];
        }, (w, _) => Sqlite(w.Combine("t.db"), "SELECT COUNT(*) FROM victim").ShouldBe(1L)),
        new("standard-item-id-not-an-identifier", 2, "is not a plain identifier", w =>
        {
            w.EditStandard("id: seibetsu,", "id: \"seibetsu\\\"; DROP TABLE victim; --\",");
            return ["check", "--mapping", w.Mapping];
        }),
        // 2. CSV formula injection.
        new("formula-in-declared-title", 0, "", w =>
            ["run", "--mapping", w.MappingPlus("formula", "  - { id: formula-cell, title: \"=HYPERLINK(\\\"http://example.invalid\\\",\\\"x\\\")\", description: \"@SUM(1+1)\" }\n"),
                "--source", w.Source, "--out", w.Work, "--quiet"],
            (w, _) => File.ReadAllText(Path.Combine(w.Work, "report", "findings.csv")).ShouldContain("'=HYPERLINK(")),
        // 3. Files outside --source or beside the mapping.
        new("source-file-absolute", 2, "is outside its folder", w =>
            ["run", "--mapping", w.MappingWith("passwd", "file: JUMIN.CSV", "file: /etc/passwd"), "--source", w.Source, "--out", w.Work],
            (_, r) => (r.Out + r.Error).ShouldNotContain("root:")),
        new("source-file-dotdot", 2, "is outside its folder", w =>
            ["check", "--mapping", w.MappingWith("dotdot", "file: JUMIN.CSV", "file: ../src/JUMIN.CSV"), "--source", w.Source]),
        new("source-file-symlink-out", 2, "resolves outside", w =>
        {
            File.Move(Path.Combine(w.Source, "JUMIN.CSV"), w.Combine("JUMIN.CSV"));
            File.CreateSymbolicLink(Path.Combine(w.Source, "JUMIN.CSV"), w.Combine("JUMIN.CSV"));
            return ["run", "--mapping", w.Mapping, "--source", w.Source, "--out", w.Work, "--quiet"];
        }),
        new("gaiji-file-absolute", 2, "is outside its folder", w =>
            ["check", "--mapping", w.MappingWith("gaiji-out", "gaiji:\n", "gaiji:\n  file: /etc/passwd\n")]),
        // 4. The wrong column mapped to a code item: names are never shown as code values (see PersonalValueScanTests).
        new("names-in-code-column", 2, "the values are not shown", w =>
            ["check", "--mapping", w.MappingWith("swapped", "zokugara: { from: ZOKUGARA,", "zokugara: { from: SHIMEI,"), "--source", w.Source],
            (_, r) => (r.Out + r.Error).ShouldNotContain("山田")),
        // 5, 6. Resource bombs in YAML.
        new("yaml-alias-bomb", 2, "YAML aliases", w => ["check", "--mapping", w.MappingPlus("bomb", AliasBomb())]),
        new("yaml-alias-bomb-in-decisions", 2, "YAML aliases", w =>
        {
            File.WriteAllText(w.Combine("d.yaml"), "decisions_version: 1\nmunicipality: x\n" + AliasBomb() + "decisions: {}\n");
            return ["run", "--mapping", w.Mapping, "--source", w.Source, "--out", w.Work, "--decisions", w.Combine("d.yaml"), "--quiet"];
        }),
        new("yaml-deep-nesting", 2, "nested more than", w => ["check", "--mapping", w.MappingPlus("deep", "x_deep: " + new string('[', 100_000) + new string(']', 100_000) + "\n")]),
        // 7. Transform parameters.
        new("remove-empty", 2, "juki-remove.yaml:", w => ["check", "--mapping", w.MappingWith("juki-remove", Yubin, """yubin_no: { from: YUBIN, do: [{ remove: "" }] }""")]),
        new("truncate-negative", 2, "between 1 and", w => ["check", "--mapping", w.MappingWith("truncate", Yubin, "yubin_no: { from: YUBIN, do: [{ truncate: -1 }] }")]),
        new("pad-width-huge", 2, "between 1 and", w => ["check", "--mapping", w.MappingWith("pad", Yubin, "yubin_no: { from: YUBIN, do: [{ pad: { width: 2147483647 } }] }")]),
        new("split-index-negative", 2, "must be a whole number", w => ["check", "--mapping", w.MappingWith("split", Yubin, """yubin_no: { from: YUBIN, do: [{ split: { separator: "-", index: -5 } }] }""")]),
        new("pad-width-huge-in-run", 2, "between 1 and", w =>
            ["run", "--mapping", w.MappingWith("pad-run", Yubin, "yubin_no: { from: YUBIN, do: [{ pad: { width: 2147483647 } }] }"), "--source", w.Source, "--out", w.Work]),
        // 8. Era tables and concat.
        new("era-ends-before-start", 2, "before it starts", w => ["check", "--mapping", w.MappingWith("era-end", Reiwa, """{ code: "5", letter: R, name: 令和, start: 2019-05-01, end: 2019-04-01 }""")]),
        new("era-code-twice", 2, "is used twice", w => ["check", "--mapping", w.MappingWith("era-dup", Reiwa, """{ code: "4", letter: R, name: 令和, start: 2019-05-01 }""")]),
        new("concat-no-columns", 2, "at least one column", w => ["check", "--mapping", w.MappingWith("concat", Yubin, """yubin_no: { do: [{ concat: { columns: [], separator: " " } }] }""")]),
        // 9. A damaged manifest, --out at a file.
        new("manifest-truncated", 3, "not valid JSON", w =>
        {
            Directory.CreateDirectory(w.Work);
            File.WriteAllText(Path.Combine(w.Work, "manifest.json"), "{\n  \"schema_version\": 1,\n  \"run_id\": \"2026");
            return ["map", "--out", w.Work];
        }),
        new("manifest-truncated-with-mapping", 3, "not valid JSON", w =>
        {
            Directory.CreateDirectory(w.Work);
            File.WriteAllText(Path.Combine(w.Work, "manifest.json"), "{\"schema_version\": 1, \"run_id\": ");
            return ["report", "--mapping", w.Mapping, "--out", w.Work];
        }),
        new("out-is-a-file", 2, "is a file", w =>
        {
            File.WriteAllText(w.Combine("file"), "x");
            return ["run", "--mapping", w.Mapping, "--source", w.Source, "--out", w.Combine("file")];
        }),
        // 15. --out at an unrelated folder or inside --source.
        new("out-unrelated-folder", 2, "not a migrate work directory", w =>
        {
            Directory.CreateDirectory(w.Work);
            File.WriteAllText(Path.Combine(w.Work, "notes.txt"), "mine");
            return ["run", "--mapping", w.Mapping, "--source", w.Source, "--out", w.Work];
        }, (w, _) => Directory.GetFileSystemEntries(w.Work).ShouldHaveSingleItem()),
        new("out-inside-source", 2, "is inside --source", w => ["run", "--mapping", w.Mapping, "--source", w.Source, "--out", Path.Combine(w.Source, "work")],
            (w, _) => Directory.Exists(Path.Combine(w.Source, "work")).ShouldBeFalse()),
        new("out-equals-source", 2, "is inside --source", w => ["extract", "--mapping", w.Mapping, "--source", w.Source, "--out", w.Source]),
        // 16. verify only reads.
        new("verify-missing-sqlite-target", 3, "", w =>
        {
            Run(w);
            return ["verify", "--out", w.Work, "--target", "sqlite:" + w.Combine("missing", "x.db")];
        }, (w, _) => Directory.Exists(w.Combine("missing")).ShouldBeFalse()),
        // 16. load --resume of an interrupted server load without --target.
        new("resume-without-recorded-target", 2, "give it again with --target", w =>
        {
            Run(w);
            var manifest = Path.Combine(w.Work, "manifest.json");
            var text = File.ReadAllText(manifest);
            File.WriteAllText(manifest, text.TrimEnd().TrimEnd('}') + ",\n  \"pending_load\": { \"target\": \"postgres:(connection string hidden)\", \"replace\": false, \"started_at\": \"2026-01-01T00:00:00+00:00\" }\n}\n");
            return ["load", "--out", w.Work, "--resume"];
        }, (w, _) => File.ReadAllText(Path.Combine(w.Work, "manifest.json")).ShouldContain("pending_load")),
        // 11. A refused rerun.
        new("rerun-without-replace", 3, "nothing was changed", w =>
        {
            Run(w);
            return ["run", "--mapping", w.Mapping, "--source", w.Source, "--out", w.Work, "--quiet"];
        }),
    ];

    public static TheoryData<string> Names { get; } = new(All.Select(c => c.Name));

    public static BadInput Named(string name) => All.Single(c => c.Name == name);

    /// <summary>A first, successful run into the workspace's work directory.</summary>
    private static void Run(HostileWorkspace w)
    {
        var result = CliRunner.RunAsync("run", "--mapping", w.Mapping, "--source", w.Source, "--out", w.Work, "--quiet").GetAwaiter().GetResult();
        result.ExitCode.ShouldBe(0, result.Error);
    }

    /// <summary>Ten levels of ten aliases each: 10^10 nodes when expanded ("billion laughs").</summary>
    private static string AliasBomb()
    {
        var text = new StringBuilder("x_bomb:\n  lol0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i <= 9; i++)
            text.Append("  lol").Append(i).Append(": &a").Append(i).Append(" [").Append(string.Join(",", Enumerable.Repeat("*a" + (i - 1), 10))).Append("]\n");
        return text.ToString();
    }

    private static object? Sqlite(string path, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + path + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
