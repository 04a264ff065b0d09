namespace Migrate.Core.Tests.Architecture;

/// <summary>
/// The large-scale shape, enforced: Core knows no database driver, and its namespaces form no cycle
/// (each depends only on lower ones). The graph is read from the built assemblies (see <see cref="NamespaceGraph"/>).
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly NamespaceGraph Core = NamespaceGraph.Of(typeof(Migrate.Core.Diagnostics.MigrateException).Assembly.Location, "Migrate.Core");

    [Fact]
    public void Core_references_no_database_driver_nor_the_data_project()
    {
        string[] drivers = ["Migrate.Data", "Npgsql", "Microsoft.Data.SqlClient", "Microsoft.Data.Sqlite", "SQLitePCL", "Dapper"];

        Core.External.Where(ns => drivers.Any(d => ns == d || ns.StartsWith(d + ".", StringComparison.Ordinal))).ShouldBeEmpty();
    }

    [Fact]
    public void The_graph_is_read_from_method_bodies_too()
    {
        // Map uses Transforms (its pipelines run them): an edge a missing IL walk would not see.
        Core.Edges["Migrate.Core.Map"].ShouldContain("Migrate.Core.Transforms");
        Core.Edges.Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void No_namespace_depends_on_itself_through_others()
    {
        var cycles = Core.Cycles();

        cycles.ShouldBeEmpty(
            "namespaces in a dependency cycle: move the type that closes the circle, or depend on an abstraction in the lower namespace. Cycles: "
            + string.Join(" | ", cycles.Select(c => string.Join(" ↔ ", c)))
            + ". Edges back and forth: " + string.Join("; ", Core.Why.Where(w => Core.Why.ContainsKey((w.Key.To, w.Key.From))).Select(w => $"{w.Key.From} → {w.Key.To} ({w.Value})")));
    }
}
