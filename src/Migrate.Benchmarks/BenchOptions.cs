using System.Globalization;

namespace Migrate.Benchmarks;

/// <summary>A problem the harness reports in one line (missing tool, failed child process, bad option).</summary>
internal sealed class BenchException(string message, string? detail = null) : Exception(message)
{
    /// <summary>The failed child process's whole standard error, when there was one.</summary>
    public string Detail { get; } = detail ?? message;
}

/// <summary>Command-line options of the harness.</summary>
internal sealed record BenchOptions(
    IReadOnlyList<long> Sizes,
    string? Postgres,
    string OutDirectory,
    int Repeat,
    int Seed,
    string RepositoryRoot,
    string MigrateDll,
    string Sqlite3,
    bool Build,
    bool Pgloader)
{
    public const string Usage = """
        dotnet run -c Release --project src/Migrate.Benchmarks -- [options]

          --sizes N,N,…        persons to generate (history rows come on top)   [100000,1000000]
          --postgres CONN      also measure PostgreSQL (Npgsql connection string; the harness creates and drops
                               schemas migrate_bench_*; psql must be installed, pgloader is used when present)
          --out DIR            data cache, work directories and bench.json       [bench-out]
          --repeat N           runs of every measurement; medians are reported  [3]
          --seed N             sample seed                                       [1]
          --migrate PATH       migrate.dll to measure       [src/Migrate.Cli/bin/Release/net10.0/migrate.dll]
          --no-build           do not build src/Migrate.Cli (Release) first
          --no-pgloader        do not run pgloader even when it is installed
          --sqlite3 PATH       sqlite3 command-line shell                        [sqlite3 on PATH]
        """;

    /// <summary>The options, or null when help was asked for.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        var root = FindRepositoryRoot();
        IReadOnlyList<long> sizes = [100_000, 1_000_000];
        string? postgres = null, migrate = null, sqlite3 = null;
        var outDirectory = "bench-out";
        int repeat = 3, seed = 1;
        var build = true;
        var pgloader = true;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new BenchException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "-h" or "--help" or "-?":
                    return null;
                case "--sizes":
                    sizes = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseSize)];
                    break;
                case "--postgres":
                    postgres = Value();
                    break;
                case "--out":
                    outDirectory = Value();
                    break;
                case "--repeat":
                    repeat = int.TryParse(Value(), CultureInfo.InvariantCulture, out var r) && r > 0 ? r : throw new BenchException("--repeat must be a positive integer");
                    break;
                case "--seed":
                    seed = int.TryParse(Value(), CultureInfo.InvariantCulture, out var s) ? s : throw new BenchException("--seed must be an integer");
                    break;
                case "--migrate":
                    migrate = Path.GetFullPath(Value());
                    break;
                case "--sqlite3":
                    sqlite3 = Value();
                    break;
                case "--no-build":
                    build = false;
                    break;
                case "--no-pgloader":
                    pgloader = false;
                    break;
                default:
                    throw new BenchException($"unknown option {args[i]}\n{Usage}");
            }
        }
        if (sizes.Count == 0) throw new BenchException("--sizes needs at least one size");
        var sqlitePath = ChildProcess.Find(sqlite3 ?? "sqlite3")
            ?? throw new BenchException($"the sqlite3 command-line shell ({sqlite3 ?? "sqlite3"}) was not found: install it (Debian: apt-get install sqlite3) or give --sqlite3 PATH");
        return new BenchOptions(sizes, postgres, Path.GetFullPath(outDirectory), repeat, seed, root,
            migrate ?? Path.Combine(root, "src", "Migrate.Cli", "bin", "Release", "net10.0", "migrate.dll"), sqlitePath, build && migrate is null, pgloader);
    }

    private static long ParseSize(string text)
    {
        var multiplier = 1L;
        if (text.EndsWith('k') || text.EndsWith('K')) (multiplier, text) = (1_000, text[..^1]);
        else if (text.EndsWith('m') || text.EndsWith('M')) (multiplier, text) = (1_000_000, text[..^1]);
        return long.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n * multiplier
            : throw new BenchException($"--sizes: '{text}' is not a positive number of persons");
    }

    /// <summary>The folder holding Migrate.sln, from the current directory or this program's location upwards.</summary>
    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Migrate.sln"))) return directory.FullName;
            }
        }
        throw new BenchException("run the harness inside the repository (Migrate.sln not found above the current directory)");
    }
}
