using Migrate.Core.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Pipeline;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Authoring;

/// <summary>
/// <c>migrate init</c>: profiles a legacy file (or every delimited file of a folder), a fixed-width
/// file with its record layout, or one database table, and writes a draft mapping that loads and runs
/// as it is. Joins between files or tables are not drafted: they are added by hand.
/// </summary>
public static class MappingInitializer
{
    public static async Task<InitResult> InitAsync(InitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var standard = StandardResolver.ByIdOrPath(request.Standard, Path.GetDirectoryName(Path.GetFullPath(request.OutPath)), request.Standards);
        if (request.Table is { } only && standard.FindTable(only) is null)
            throw MigrateException.Usage($"--table {only}: standard {standard.Id} has no such table{Text.DidYouMean.Hint(only, standard.Tables.Select(t => t.Id))}");

        var sources = request.Connection is not null || request.SourceTable is not null
            ? [await ProfileTableAsync(request, cancellationToken)]
            : request.Layout is not null
                ? [await ProfileFixedAsync(request, cancellationToken)]
                : await ProfileDelimitedAsync(request, cancellationToken);

        var drafter = new MappingDrafter(standard, request.Vendor);
        var yaml = drafter.Draft(sources, request.Table);
        var directory = Path.GetDirectoryName(Path.GetFullPath(request.OutPath));
        if (directory is not null) Directory.CreateDirectory(directory);
        // The draft holds code values and counts only, but it describes personal-data files: owner-only like them.
        await using (var stream = PrivateFiles.Create(request.OutPath))
        await using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
            await writer.WriteAsync(yaml.AsMemory(), cancellationToken);
        return new InitResult(request.OutPath, sources.Select(s => s.Item2).ToList(), drafter.Matches, drafter.UnmatchedColumns, drafter.Todos)
        {
            Unresolved = drafter.Unresolved,
            CriticalUnresolved = drafter.CriticalUnresolved,
            SourceFolder = request.Source is { } source ? (Directory.Exists(source) ? source : Path.GetDirectoryName(source) is { Length: > 0 } dir ? dir : ".") : null,
        };
    }

    private static async Task<List<(string, SourceProfile)>> ProfileDelimitedAsync(InitRequest request, CancellationToken cancellationToken)
    {
        var source = request.Source ?? throw MigrateException.Usage("give --source (a legacy file or folder), or --source-connection with --source-table for a database table");
        if (request.OrderBy.Count > 0) throw MigrateException.Usage("--order-by applies to a database table (--source-connection with --source-table)");
        var files = Directory.Exists(source)
            ? Directory.EnumerateFiles(source)
                .Where(f => Path.GetExtension(f).ToUpperInvariant() is ".CSV" or ".TSV" or ".TXT")
                .Order(StringComparer.Ordinal).ToList()
            : File.Exists(source) ? [source]
            : throw MigrateException.Usage($"--source {source}: no such file or folder");
        if (files.Count == 0) throw MigrateException.Usage($"--source {source}: no .csv, .tsv or .txt files to profile (a fixed-width file needs --layout)");

        var sources = new List<(string, SourceProfile)>();
        foreach (var file in files)
        {
            var profile = await SourceProfiler.ProfileAsync(file, request.Encoding, request.Delimiter, request.Header, request.Sample, cancellationToken);
            sources.Add((SourceId(file, sources.Select(s => s.Item1)), profile));
        }
        return sources;
    }

    /// <summary>One fixed-width file, read with the layout the user gives (joins with other files are added by hand).</summary>
    private static async Task<(string, SourceProfile)> ProfileFixedAsync(InitRequest request, CancellationToken cancellationToken)
    {
        var source = request.Source ?? throw MigrateException.Usage("--layout: give the fixed-width file with --source");
        if (Directory.Exists(source)) throw MigrateException.Usage($"--source {source}: a layout describes one file; give the fixed-width file, not a folder");
        if (request.OrderBy.Count > 0) throw MigrateException.Usage("--order-by applies to a database table (--source-connection with --source-table)");
        var id = SourceId(source, []);
        return (id, await StagedSourceProfiler.ProfileFixedAsync(id, source, request.Layout!, request.Encoding, request.Sample, cancellationToken));
    }

    /// <summary>One database table (other tables are joined by hand). The connection never reaches the draft.</summary>
    private static async Task<(string, SourceProfile)> ProfileTableAsync(InitRequest request, CancellationToken cancellationToken)
    {
        var connection = request.Connection ?? throw MigrateException.Usage("--source-table: give the database with --source-connection (sqlite:PATH, postgres:…, sqlserver:… or env:VARIABLE)");
        var table = request.SourceTable ?? throw MigrateException.Usage("--source-connection: name the table to profile with --source-table TABLE (one table per draft)");
        if (request.Source is not null) throw MigrateException.Usage("give either --source (files) or --source-connection with --source-table, not both");
        if (request.Layout is not null) throw MigrateException.Usage("--layout applies to a fixed-width file given with --source");
        var databases = request.Databases ?? throw new InvalidOperationException("no database drivers were composed for --source-connection");
        var id = SourceId(table.Replace('.', '_'), []);
        return (id, await StagedSourceProfiler.ProfileDatabaseAsync(id, connection, databases, table, request.OrderBy, request.Sample, cancellationToken));
    }

    private static string SourceId(string file, IEnumerable<string> taken)
    {
        var id = new string(Path.GetFileNameWithoutExtension(file).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        if (!id.Any(char.IsAsciiLetterOrDigit)) id = "source"; // a name in Japanese, say
        var unique = id;
        for (var n = 2; taken.Contains(unique); n++) unique = $"{id}_{n}";
        return unique;
    }
}
