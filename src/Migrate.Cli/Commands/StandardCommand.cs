using System.CommandLine;
using Migrate.Core.Load;
using Migrate.Core.Mapping;
using Migrate.Core.Standard;
using Migrate.Data.Engines;

namespace Migrate.Cli.Commands;

/// <summary><c>migrate standard list|show|ddl</c>: inspect the bundled standards and print their DDL.</summary>
public static class StandardCommand
{
    public static Command Create(CliContext context)
    {
        // --root is the older spelling of --standards (a folder holding standard/<id>/standard.yaml); kept for scripts.
        var root = new Option<string?>("--root") { Description = "Same as --standards (kept for older scripts)", Recursive = true, Hidden = true };
        var command = new Command("standard", "List the standards (bundled, or from --standards / MIGRATE_STANDARDS), show one, or print its DDL") { root };
        Core.Standard.StandardSource Source(ParseResult result) =>
            result.GetValue(root) is { } dir ? new(null, dir) : context.StandardSource(result);

        var list = new Command("list", "List the standards available: --standards (or MIGRATE_STANDARDS) first, then the bundled ones");
        list.SetAction(result => CommandHost.ExecuteAsync(context, "standard list", result.GetValue(context.Json), () =>
        {
            var standards = StandardResolver.All(Source(result));
            if (result.GetValue(context.Json))
                CommandHost.WriteJson(context, new { SchemaVersion = 1, Command = "standard list", Standards = standards.Select(s => new { s.Id, s.Name, s.English, s.Version, Tables = s.Tables.Select(t => t.Id), Path = s.SourcePath }) });
            else
                foreach (var s in standards) context.Console.Out.WriteLine($"{s.Id}\t{s.Version}\t{s.Name} ({s.English})\t{s.Tables.Count} tables\t{s.SourcePath}");
            return Task.FromResult(ExitCodes.Success);
        }));

        var idArgument = new Argument<string>("id") { Description = "Standard ID, e.g. juki" };
        var show = new Command("show", "Show a standard's tables and items") { idArgument };
        show.SetAction(result => CommandHost.ExecuteAsync(context, "standard show", result.GetValue(context.Json), () =>
        {
            var standard = StandardResolver.ByIdOrPath(result.GetValue(idArgument)!, null, Source(result));
            if (result.GetValue(context.Json))
            {
                CommandHost.WriteJson(context, new { SchemaVersion = 1, Command = "standard show", standard.Id, standard.Name, standard.Version, Tables = standard.Tables.Select(t => new { t.Id, t.Name, t.Key, t.Critical, Items = t.Items.Select(i => new { i.Id, i.Name, i.English, Type = i.Type.ToString().ToLowerInvariant(), i.Length, i.Required, Codes = i.CodeListId }) }) });
                return Task.FromResult(ExitCodes.Success);
            }
            var o = context.Console.Out;
            o.WriteLine($"{standard.Name} ({standard.Id}) version {standard.Version}");
            foreach (var table in standard.Tables)
            {
                o.WriteLine();
                o.WriteLine($"{table.Id}: {table.Name}{(table.Critical ? " [critical]" : "")}  key ({string.Join(", ", table.Key)})");
                foreach (var item in table.Items)
                    o.WriteLine($"  {item.Id,-26} {item.Type.ToString().ToLowerInvariant(),-8} {(item.Length?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),4} {(item.Required ? "required" : "        ")} {item.Name}{(item.CodeListId is null ? "" : " [" + item.CodeListId + "]")}");
            }
            return Task.FromResult(ExitCodes.Success);
        }));

        var dialect = new Option<string>("--dialect") { Description = $"SQL dialect: {string.Join(", ", DatabaseEngines.Names)}", DefaultValueFactory = _ => "sqlite" };
        var ddl = new Command("ddl", "Print the DDL generated from a standard") { idArgument, dialect };
        ddl.SetAction(result => CommandHost.ExecuteAsync(context, "standard ddl", false, () =>
        {
            var standard = StandardResolver.ByIdOrPath(result.GetValue(idArgument)!, null, Source(result));
            var sql = DatabaseEngines.Dialect(result.GetValue(dialect)!);
            context.Console.Out.Write(sql.CreateAll(standard));
            return Task.FromResult(ExitCodes.Success);
        }));

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        command.Subcommands.Add(ddl);
        return command;
    }
}
