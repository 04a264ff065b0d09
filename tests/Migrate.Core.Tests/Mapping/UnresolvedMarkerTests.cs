using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Mapping.Loading;
using Migrate.Core.Standard;

namespace Migrate.Core.Tests.Mapping;

/// <summary>A 'todo:' marker never loads: collected as an error at its line and column, refused at the first in strict loading.</summary>
public sealed class UnresolvedMarkerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("migrate-todo-").FullName;
    private static readonly StandardDefinition Juki = BundledStandards.Load("juki")!;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_dir, "draft.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private const string Draft = """
        mapping_version: 1
        vendor: draft
        standard: juki
        standard_version: "1.0"
        sources: { jumin: { file: J.CSV, encoding: cp932, columns: [SEX, ATENA] } }
        code_tables:
          sex:
            values:
              "M": { todo: "1,862 rows; pick the code" }
              "F": "2"
        tables:
          person:
            from: jumin
            items:
              atena_no: ATENA
              seibetsu: { from: SEX, do: [{ code: sex }] }
              zokugara: { todo: "no column found" }
        """;

    [Fact]
    public void Check_collects_every_marker_with_its_position_and_nothing_about_the_todo_key_itself()
    {
        var bag = new DiagnosticBag(stopAtFirst: false);

        var mapping = MappingLoader.Collect(Write(Draft), Juki, bag);

        mapping.ShouldNotBeNull();
        var unresolved = bag.Items.Where(d => d.Code == UnresolvedMarkers.Code).ToList();
        unresolved.Select(d => $"{d.Line}:{d.Column} {d.Message}").ShouldBe([
            "9:14 unresolved code_tables.sex.values.M: 1,862 rows; pick the code — decide, write the answer in place of the 'todo' entry, and check again",
            "17:19 unresolved tables.person.items.zokugara: no column found — decide, write the answer in place of the 'todo' entry, and check again",
        ]);
        bag.Items.ShouldNotContain(d => d.Message.Contains("unknown key 'todo'", StringComparison.Ordinal));
        mapping.CodeTables["sex"].Values.Keys.ShouldBe(["F"]);
    }

    [Fact]
    public void Strict_loading_refuses_at_the_first_marker_and_counts_the_rest()
    {
        var error = Should.Throw<MigrateException>(() => MappingLoader.Load(Write(Draft), Juki));

        error.Kind.ShouldBe(FailureKind.Usage);
        error.Message.ShouldContain("draft.yaml:9:14");
        error.Message.ShouldContain("1 more unresolved marker(s) follow");
    }
}
