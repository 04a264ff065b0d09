using System.Diagnostics;
using Migrate.Core.Mapping;
using Migrate.Core.Rejects;
using Migrate.Core.Work;

namespace Migrate.Core.Extract;

/// <summary>
/// Extracts one legacy source of any format into the work directory's staging file (UTF-8 CSV:
/// <c>_line</c>, <c>_offset</c>, then the source's columns) and its rejects file: the format reads
/// the records (<see cref="ISourceReader"/>), this loop stages or rejects each one, counts them and
/// reports progress. Every record read ends staged or rejected with its reasons.
/// </summary>
internal sealed class SourceExtractor(SourceDefinition source, SourceLocation location, WorkDirectory work, SourceFormats? formats = null)
{
    /// <summary>Stop after this many records (<c>migrate init --sample</c>); all when null.</summary>
    public long? MaxRecords { get; init; }

    /// <summary>Where the staged records go besides the staging file (<c>migrate run</c>: to the mapper).</summary>
    public RecordHandoff? Handoff { get; init; }

    public async Task<ExtractResult> ExtractAsync(IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(work);
        var clock = Stopwatch.StartNew();
        var format = (formats ?? SourceFormats.Default).For(source);
        await using var reader = await format.OpenAsync(source, location, work, cancellationToken);

        long records = 0, staged = 0;
        using var rejects = new RejectWriter(work.ExtractRejects(source.Id));
        var record = new SourceRecord(source.Columns.Count);
        var staging = new StagingWriter(work, source, reader.MayHoldLoneSurrogates, Handoff);
        using (staging)
        {
            while ((MaxRecords is not { } max || records < max) && await reader.ReadAsync(record, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                records++;
                if (record.IsRejected)
                {
                    rejects.Write(new RejectRecord("extract", source.Id, reader.Name, record.Line, record.Offset, [.. record.Reasons], record.RawValues, record.RawHex));
                    continue;
                }
                staging.Write(record.Line, record.Offset, record.Values, record.Unsplittable);
                staged++;
                if ((records & 0x3FFF) == 0) progress?.Report(reader.Position);
            }
            reader.Finish();
        }
        progress?.Report(reader.Position);

        var origin = reader.Origin();
        return new ExtractResult(source.Id, origin.File, origin.Sha256, origin.Bytes, origin.Encoding, records, staged, rejects.Count,
            new Dictionary<string, long>(rejects.ByReason), work.Relative(staging.Path), staging.Sha256, clock.Elapsed.TotalSeconds)
        {
            Database = origin.Database,
            Rejects = rejects.Complete(work),
        };
    }
}
