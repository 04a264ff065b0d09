using Migrate.Core.Extract;
using Migrate.Core.Mapping;
using Migrate.Core.Work;

namespace Migrate.Core.Authoring;

/// <summary>
/// Profiles a legacy source through the reader its format gives extraction (<see cref="SourceFormats"/>),
/// so the profile sees exactly the values the map stage will see: the records extraction would stage
/// are profiled column by column, the ones it would reject are counted as unreadable by reason.
/// </summary>
internal static class RecordProfiler
{
    /// <summary>What was read: records, unreadable ones (and their reason codes, each counted per record), and the columns' profiles.</summary>
    public sealed record Result(long Records, long Unreadable, IReadOnlyDictionary<string, long> UnreadableByReason, IReadOnlyList<ColumnProfile> Columns);

    /// <param name="names">The name each column is profiled under, in the source's column order.</param>
    /// <param name="work">A private scratch folder (a format may keep a copy of the file there).</param>
    /// <param name="sample">Stop after this many records; all when null.</param>
    public static async Task<Result> ProfileAsync(SourceDefinition source, SourceLocation location, IReadOnlyList<string> names, WorkDirectory work, long? sample, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(names);
        await using var reader = await SourceFormats.Default.For(source).OpenAsync(source, location, work, cancellationToken);
        var record = new SourceRecord(source.Columns.Count);
        var columns = names.Select(n => new ColumnProfiler(n)).ToList();
        var reasons = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long records = 0, unreadable = 0;
        while ((sample is not { } max || records < max) && await reader.ReadAsync(record, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            records++;
            if (record.IsRejected)
            {
                unreadable++;
                foreach (var reason in record.Reasons) reasons[reason.Code] = reasons.GetValueOrDefault(reason.Code) + 1;
                continue;
            }
            // As the staging file holds it: a lone surrogate of a database value becomes U+FFFD there.
            for (var i = 0; i < columns.Count; i++)
                columns[i].Add(reader.MayHoldLoneSurrogates ? StagingWriter.AsWritten(record.Values[i]) : record.Values[i]);
        }
        reader.Finish();
        return new Result(records, unreadable, new Dictionary<string, long>(reasons), columns.Select(c => c.Result()).ToList());
    }

    /// <summary>Runs <paramref name="profile"/> with a private scratch folder (0700 on Unix: it may hold personal data), deleted whatever happens.</summary>
    public static async Task<T> WithScratchAsync<T>(Func<WorkDirectory, Task<T>> profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var temp = Directory.CreateTempSubdirectory("migrate-init-");
        try
        {
            var work = new WorkDirectory(temp.FullName);
            work.Create();
            return await profile(work);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }
}
