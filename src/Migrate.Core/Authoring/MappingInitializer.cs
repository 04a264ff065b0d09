using Migrate.Core.Diagnostics;
using Migrate.Core.Pipeline;
using Migrate.Core.Standard;
using Migrate.Core.Work;

namespace Migrate.Core.Authoring;

/// <summary>
/// <c>migrate init</c>: profiles a legacy file (or every delimited file of a folder) and writes a
/// draft mapping that loads and runs as it is.
/// </summary>
public static class MappingInitializer
{
    public static async Task<InitResult> InitAsync(InitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var standard = StandardLoader.Load(LocateStandard(request));
        if (request.Table is { } only && standard.FindTable(only) is null)
            throw MigrateException.Usage($"--table {only}: standard {standard.Id} has no such table{Text.DidYouMean.Hint(only, standard.Tables.Select(t => t.Id))}");

        var files = Directory.Exists(request.Source)
            ? Directory.EnumerateFiles(request.Source)
                .Where(f => Path.GetExtension(f).ToUpperInvariant() is ".CSV" or ".TSV" or ".TXT")
                .Order(StringComparer.Ordinal).ToList()
            : File.Exists(request.Source) ? [request.Source]
            : throw MigrateException.Usage($"--source {request.Source}: no such file or folder");
        if (files.Count == 0) throw MigrateException.Usage($"--source {request.Source}: no .csv, .tsv or .txt files to profile");

        var sources = new List<(string, SourceProfile)>();
        foreach (var file in files)
        {
            var profile = await SourceProfiler.ProfileAsync(file, request.Encoding, request.Delimiter, request.Header, request.Sample, cancellationToken);
            sources.Add((SourceId(file, sources.Select(s => s.Item1)), profile));
        }

        var drafter = new MappingDrafter(standard, request.Vendor);
        var yaml = drafter.Draft(sources, request.Table);
        var directory = Path.GetDirectoryName(Path.GetFullPath(request.OutPath));
        if (directory is not null) Directory.CreateDirectory(directory);
        // The draft holds code values and counts only, but it describes personal-data files: owner-only like them.
        await using (var stream = PrivateFiles.Create(request.OutPath))
        await using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
            await writer.WriteAsync(yaml.AsMemory(), cancellationToken);
        return new InitResult(request.OutPath, sources.Select(s => s.Item2).ToList(), drafter.Matches, drafter.UnmatchedColumns, drafter.Todos);
    }

    private static string LocateStandard(InitRequest request)
    {
        if (File.Exists(request.Standard)) return request.Standard;
        foreach (var start in new[] { Path.GetFullPath(request.OutPath), Path.Combine(Environment.CurrentDirectory, "x"), Path.Combine(Environment.CurrentDirectory, "mappings", "x") })
        {
            try
            {
                return StandardLocator.Locate(start, request.Standard);
            }
            catch (MigrateException)
            {
                // Try the next place.
            }
        }
        throw MigrateException.Usage($"--standard {request.Standard}: cannot find standard/{request.Standard}/standard.yaml above the output or current folder; give the path of the standard file");
    }

    private static string SourceId(string file, IEnumerable<string> taken)
    {
        var id = new string(Path.GetFileNameWithoutExtension(file).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var unique = id;
        for (var n = 2; taken.Contains(unique); n++) unique = $"{id}_{n}";
        return unique;
    }
}
